import type Stripe from 'stripe';
import { esc, money, page } from '../control/html';
import type { Emulator } from '../emulator';

/** Stripe's hosted payment page, in the emulator's plain style: what is bought, the total, a card form. */
export function checkoutPage(emu: Emulator, session: Stripe.Checkout.Session, options: { error?: string } = {}): string {
  const items = emu.state.get('checkout_line_items', session.id) ?? [];
  const rows = items
    .map((i) => `<tr><td>${esc(i.description)}${(i.quantity ?? 1) > 1 ? ` × ${esc(i.quantity)}` : ''}</td><td>${esc(money(i.amount_total, i.currency))}</td></tr>`)
    .join('');
  const error = options.error ? `<p role="alert" data-testid="checkout-error" style="color:#b42318">${esc(options.error)}</p>` : '';
  const field = (name: string, label: string, attrs: string) =>
    `<p><label for="${name}">${label}</label><br><input id="${name}" name="${name}" ${attrs} style="width:100%;padding:8px;box-sizing:border-box"></p>`;
  const cancel = session.cancel_url ? `<p><a href="${esc(session.cancel_url)}">Cancel and go back</a></p>` : '';
  return page(
    'Pay · offline Stripe Checkout',
    `<main class="card">
      <p class="muted">Test mode (offline Stripe emulator)</p>
      <h1>Pay</h1>
      <table><tbody>${rows}</tbody></table>
      <p class="total" data-testid="checkout-total">${esc(money(session.amount_total, session.currency))}</p>
      ${error}
      <form method="post" action="/_emulator/checkout/${esc(session.id)}/pay">
        ${field('email', 'Email', `type="email" autocomplete="email" value="${esc(session.customer_email ?? '')}"`)}
        ${field('number', 'Card number', 'inputmode="numeric" autocomplete="cc-number" required')}
        ${field('expiry', 'Expiry date', 'placeholder="MM / YY" autocomplete="cc-exp" required')}
        ${field('cvc', 'Security code', 'inputmode="numeric" autocomplete="cc-csc" required')}
        ${field('postal_code', 'Postal code', 'autocomplete="postal-code"')}
        <button type="submit" style="width:100%;padding:10px;font-size:16px">Pay ${esc(money(session.amount_total, session.currency))}</button>
      </form>
      ${cancel}
    </main>`,
  );
}

/** The 3-D Secure step for a card that asks for it. */
export function authenticationPage(session: Stripe.Checkout.Session): string {
  const button = (outcome: string, label: string) =>
    `<button name="outcome" value="${outcome}" type="submit" style="padding:10px 16px;margin-right:8px">${label}</button>`;
  return page(
    '3D Secure authentication',
    `<main class="card" role="dialog" aria-labelledby="t">
      <h1 id="t">3D Secure authentication</h1>
      <p>Your bank asks you to confirm this payment of ${esc(money(session.amount_total, session.currency))}.</p>
      <form method="post" action="/_emulator/checkout/${esc(session.id)}/authenticate">${button('succeed', 'Complete')}${button('fail', 'Fail')}</form>
    </main>`,
  );
}

export function closedPage(session: Pick<Stripe.Checkout.Session, 'status' | 'cancel_url'>): string {
  return page(
    'Checkout closed',
    `<main class="card"><h1>This checkout has ${session.status === 'expired' ? 'expired' : 'ended'}</h1>
      <p class="muted">Start again from the shop to pay.</p>
      ${session.cancel_url ? `<p><a href="${esc(session.cancel_url)}">Go back</a></p>` : ''}</main>`,
  );
}
