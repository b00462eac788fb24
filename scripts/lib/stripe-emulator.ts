import path from 'node:path';
import { startChild, waitForHttp, type ChildService, type Supervision } from './child-service';
import { dataDir } from './data-dir';
import { isPortTaken } from './embedded-postgres';

export interface StripeSetup {
  /** Variables the app needs to reach Stripe (or the emulator). */
  appEnv: Record<string, string>;
  description: string;
  service?: ChildService;
  /** Resolves when the emulator answers (at once when none is started); the app may start before. */
  ready: Promise<void>;
}

// Any sk_test_/pk_test_ key works with the emulator; these say where they come from.
const EMULATOR_SECRET_KEY = 'sk_test_offline_emulator';
const EMULATOR_PUBLISHABLE_KEY = 'pk_test_offline_emulator';

/**
 * With STRIPE_SECRET_KEY set the app talks to Stripe (or STRIPE_API_BASE) as
 * configured and nothing is started. Without it, the offline emulator starts
 * on STRIPE_EMULATOR_PORT and sends signed webhooks to the app.
 */
export async function setUpStripe(options: {
  appPort: number;
  webhookSecret: string;
  supervision: Supervision;
}): Promise<StripeSetup> {
  if (process.env.STRIPE_SECRET_KEY) {
    return { appEnv: {}, description: process.env.STRIPE_API_BASE ? `Stripe API at ${process.env.STRIPE_API_BASE}` : 'Stripe (real keys)', ready: Promise.resolve() };
  }
  const port = Number(process.env.STRIPE_EMULATOR_PORT || 12111);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('STRIPE_EMULATOR_PORT must be a port number.');
  if (await isPortTaken(port)) {
    throw new Error(`Port ${port} is in use, so the Stripe emulator cannot start. Stop what uses it, or set STRIPE_EMULATOR_PORT.`);
  }
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || options.webhookSecret;
  const service = startChild(
    'Stripe emulator',
    ['--import', 'tsx', 'stripe-emulator/src/main.ts'],
    {
      ...process.env,
      STRIPE_EMULATOR_PORT: String(port),
      STRIPE_EMULATOR_DATA_DIR: path.join(dataDir(), 'stripe'),
      STRIPE_WEBHOOK_URL: `http://127.0.0.1:${options.appPort}/api/stripe/webhook`,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
    },
    options.supervision,
  );
  const base = `http://127.0.0.1:${port}`;
  return {
    service,
    ready: waitForHttp(`${base}/js/stripe.js`, service, 30_000),
    description: `offline Stripe emulator on ${base} (dashboard ${base}/_emulator/dashboard)`,
    appEnv: {
      STRIPE_SECRET_KEY: EMULATOR_SECRET_KEY,
      STRIPE_PUBLISHABLE_KEY: EMULATOR_PUBLISHABLE_KEY,
      STRIPE_API_BASE: base,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
    },
  };
}
