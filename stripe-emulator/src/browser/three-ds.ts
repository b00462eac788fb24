import type Stripe from 'stripe';
import { esc, money } from '../control/html';
import { readBody, sendHtml, type Emulator } from '../emulator';
import { StripeApiError } from '../http/errors';
import { callApi } from '../http/internal';

/** The key the hosted page acts with, as the customer's browser would. */
const PAGE_KEY = { kind: 'publishable', value: 'pk_test_emulator_3ds_page' } as const;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #30313d">
<main role="dialog" aria-modal="true" aria-labelledby="title">
<h1 id="title" style="font-size: 1.3rem">${esc(title)}</h1>
${body}
<p style="font-size: 0.8rem; color: #6d6e78">Test mode (offline Stripe emulator)</p>
</main></body></html>`;
}

function withResult(returnUrl: string, pi: Stripe.PaymentIntent, clientSecret: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set('payment_intent', pi.id);
  url.searchParams.set('payment_intent_client_secret', clientSecret);
  url.searchParams.set('redirect_status', ['succeeded', 'processing', 'requires_capture'].includes(pi.status) ? 'succeeded' : 'failed');
  return url.toString();
}

/** The PaymentIntent, unless a client secret is given that is not its own. */
function findIntent(emu: Emulator, id: string, clientSecret: string): Stripe.PaymentIntent | undefined {
  const pi = emu.state.get('payment_intents', id);
  return pi && (clientSecret === '' || pi.client_secret === clientSecret) ? pi : undefined;
}

/**
 * The hosted 3-D Secure page for a `redirect_to_url` next action:
 * GET /_emulator/3ds/:pi?client_secret=..&return_url=.. shows "Complete" and "Fail";
 * the choice goes to POST /v1/payment_intents/:id/_authenticate, then back to return_url.
 */
export function installThreeDsPage(emu: Emulator): void {
  emu.router.raw('GET', '/_emulator/3ds/:pi', (req, res, params) => {
    const query = new URL(req.url ?? '/', 'http://emulator').searchParams;
    const pi = findIntent(emu, params.pi ?? '', query.get('client_secret') ?? '');
    const clientSecret = pi?.client_secret ?? '';
    if (!pi) {
      sendHtml(res, 404, page('3D Secure authentication', '<p>No such payment, or the link is incomplete.</p>'));
      return;
    }
    const button = 'padding: 0.6rem 1.1rem; font-size: 1rem; border-radius: 6px; cursor: pointer';
    sendHtml(
      res,
      200,
      page(
        '3D Secure authentication',
        `<p>Your bank asks you to confirm a payment of <strong>${esc(money(pi.amount, pi.currency))}</strong>.</p>
<form method="post" action="/_emulator/3ds/${encodeURIComponent(pi.id)}" style="display: flex; gap: 0.75rem">
<input type="hidden" name="client_secret" value="${esc(clientSecret)}">
<input type="hidden" name="return_url" value="${esc(query.get('return_url') ?? '')}">
<button type="submit" name="outcome" value="fail" style="${button}; background: white; color: #df1b41; border: 1px solid #df1b41">Fail</button>
<button type="submit" name="outcome" value="succeed" style="${button}; background: #635bff; color: white; border: 1px solid #635bff">Complete</button>
</form>`,
      ),
    );
  });

  emu.router.raw('POST', '/_emulator/3ds/:pi', async (req, res, params) => {
    const form = new URLSearchParams(await readBody(req));
    const outcome = form.get('outcome') === 'succeed' ? 'succeed' : 'fail';
    const id = params.pi ?? '';
    const clientSecret = findIntent(emu, id, form.get('client_secret') ?? '')?.client_secret ?? '';
    if (!clientSecret) {
      sendHtml(res, 404, page('3D Secure authentication', '<p>No such payment.</p>'));
      return;
    }
    let pi: Stripe.PaymentIntent;
    try {
      pi = callApi<Stripe.PaymentIntent>(emu, 'POST', `/v1/payment_intents/${id}/_authenticate`, { client_secret: clientSecret, outcome }, PAGE_KEY, emu.state.ownerOf(id));
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      sendHtml(res, err.status, page('3D Secure authentication', `<p>${esc(err.message)}</p>`));
      return;
    }
    const returnUrl = form.get('return_url') ?? '';
    if (/^https?:\/\//i.test(returnUrl)) {
      res.writeHead(303, { Location: withResult(returnUrl, pi, clientSecret), 'Content-Length': 0 });
      res.end();
      return;
    }
    const done = pi.status === 'succeeded' || pi.status === 'requires_capture' || pi.status === 'processing';
    sendHtml(res, 200, page('3D Secure authentication', `<p>${done ? 'Authentication complete.' : 'Authentication failed.'} You can close this page.</p>`));
  });
}
