import Stripe from 'stripe';
import { createEmulator, type EmulatorConfig } from '../src/index';
import type { Emulator } from '../src/emulator';

export interface TestEmulator {
  emu: Emulator;
  url: string;
  /** The official SDK pointed at the emulator; no automatic retries unless asked. */
  stripe: Stripe;
  sdk(options?: Stripe.StripeConfig): Stripe;
  /** The SDK with the publishable key, as Stripe.js calls the API from a browser. */
  browserSdk(): Stripe;
  /** Plain HTTP to the control API. */
  control(path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export const SECRET_KEY = 'sk_test_emulator_tests';
export const PUBLISHABLE_KEY = 'pk_test_emulator_tests';

export async function startTestEmulator(config: Partial<EmulatorConfig> = {}): Promise<TestEmulator> {
  const emu = createEmulator({ port: 0, webhookRetryBaseMs: 50, webhookMaxAttempts: 5, ...config });
  const url = await emu.listen();
  const port = Number(new URL(url).port);
  const sdk = (options: Stripe.StripeConfig = {}) =>
    new Stripe(SECRET_KEY, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, ...options });
  return {
    emu,
    url,
    stripe: sdk(),
    sdk,
    browserSdk: () => new Stripe(PUBLISHABLE_KEY, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 }),
    control: (path, body) =>
      fetch(`${url}/_emulator${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: () => emu.close(),
  };
}

/** The Stripe error a call fails with; fails the test if the call succeeds. */
export async function failure(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
