import 'server-only';
import type { PayableRef, PayableRegistry } from '@/lib/payables';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import { startHostedCheckout, type HostedCheckout } from './hosted-checkout';
import { startPayment, type StartedPayment } from './start';

export type CheckoutStart = ({ mode: 'payment_element' } & StartedPayment) | ({ mode: 'hosted' } & HostedCheckout);

/**
 * How the client pays, by the checkout_mode setting: our page with the Payment
 * Element (a client secret), or Stripe's hosted Checkout (a URL to send them to).
 * `origin` is this app's own base URL, for Checkout's return addresses.
 */
export async function checkoutFor(
  payables: PayableRegistry,
  payable: PayableRef,
  user: PublicUser,
  origin: string,
  paths: { paid: string; back: string },
): Promise<CheckoutStart> {
  if ((await getSetting('checkout_mode')) === 'hosted') {
    const hosted = await startHostedCheckout(payables, payable, user, { success: `${origin}${paths.paid}?session_id={CHECKOUT_SESSION_ID}`, cancel: `${origin}${paths.back}` });
    return { mode: 'hosted', ...hosted };
  }
  return { mode: 'payment_element', ...(await startPayment(payables, payable, user)) };
}
