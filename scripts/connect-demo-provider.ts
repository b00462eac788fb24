/**
 * Connects the demo provider Maya to Stripe, so that from the first
 * `npm start` one demo provider can be paid by Stripe Transfer and the others
 * (Tom, Sam) show what an unconnected provider sees. Only with the offline
 * emulator: real Stripe keys get real onboarding, by the provider.
 *
 * It goes through the app's own flow, over HTTP, as Maya would: a token from
 * POST /api/v1/auth/token, POST /api/v1/connect/onboarding (the app creates
 * her express account and its connect_accounts row), then the emulator's
 * control API finishes the onboarding that the hosted page would, and its
 * `account.updated` webhook tells the app (or GET /api/v1/connect?refresh=1 asks). Idempotent: when Maya already has
 * an account with payouts enabled, nothing is done.
 *
 * The launcher calls it once the app answers; on its own:
 * `APP_URL=http://127.0.0.1:3000 STRIPE_API_BASE=http://127.0.0.1:12111 node --import tsx scripts/connect-demo-provider.ts`
 */
import { pathToFileURL } from 'node:url';
import { DEMO_PASSWORD } from '../db/seed';

export const CONNECTED_DEMO_PROVIDER = 'maya@wellbook.test';

interface ConnectStatus {
  account_id: string | null;
  payouts_enabled: boolean;
}

async function call<T>(url: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<T> {
  const { token, json, ...rest } = init;
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${rest.method ?? 'GET'} ${new URL(url).pathname} answered ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Until the app knows (its `account.updated` webhook, or `?refresh=1`, which asks Stripe) that payouts are enabled. */
async function waitForPayouts(appUrl: string, token: string, timeoutMs = 15_000): Promise<ConnectStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await call<ConnectStatus>(`${appUrl}/api/v1/connect?refresh=1`, { token });
    if (status.payouts_enabled || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Returns what it did, for the launcher's log. */
export async function connectDemoProvider(options: { appUrl: string; stripeApiBase: string }): Promise<string> {
  const { appUrl, stripeApiBase } = options;
  let signedIn: { token: string };
  try {
    signedIn = await call<{ token: string }>(`${appUrl}/api/v1/auth/token`, { method: 'POST', json: { email: CONNECTED_DEMO_PROVIDER, password: DEMO_PASSWORD } });
  } catch {
    return `${CONNECTED_DEMO_PROVIDER} cannot sign in with the demo password; left unconnected.`;
  }
  const { token } = signedIn;
  try {
    let status = await call<ConnectStatus>(`${appUrl}/api/v1/connect`, { token });
    if (status.account_id && status.payouts_enabled) return `${CONNECTED_DEMO_PROVIDER} is connected (${status.account_id}).`;
    if (!status.account_id) {
      await call<{ url: string }>(`${appUrl}/api/v1/connect/onboarding`, { method: 'POST', token });
      status = await call<ConnectStatus>(`${appUrl}/api/v1/connect`, { token });
      if (!status.account_id) throw new Error('the app started onboarding but reports no account');
    }
    await call(`${stripeApiBase}/_emulator/connect/accounts/${encodeURIComponent(status.account_id)}/onboarding`, { method: 'POST', json: { outcome: 'complete' } });
    status = await waitForPayouts(appUrl, token);
    if (!status.payouts_enabled) return `${CONNECTED_DEMO_PROVIDER}: onboarding of ${status.account_id} completed, but the app has not heard of it yet.`;
    return `${CONNECTED_DEMO_PROVIDER} connected to Stripe (${status.account_id}, onboarding completed on the emulator).`;
  } finally {
    await fetch(`${appUrl}/api/v1/auth/token`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.env.STRIPE_SECRET_KEY && !process.env.STRIPE_API_BASE) {
    console.error('This connects the demo provider on the offline Stripe emulator only; with real Stripe keys, the provider onboards on Stripe.');
    process.exit(1);
  }
  const appUrl = process.env.APP_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;
  const stripeApiBase = process.env.STRIPE_API_BASE || `http://127.0.0.1:${process.env.STRIPE_EMULATOR_PORT || 12111}`;
  connectDemoProvider({ appUrl, stripeApiBase }).then(
    (line) => console.log(line),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
