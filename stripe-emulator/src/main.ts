/**
 * `npm run stripe:emulator`: the offline Stripe on 127.0.0.1.
 * STRIPE_EMULATOR_PORT (12111), STRIPE_EMULATOR_DATA_DIR (.data/stripe),
 * STRIPE_WEBHOOK_URL and STRIPE_WEBHOOK_SECRET (where and how every event is also sent),
 * STRIPE_EMULATOR_RETRY_BASE_MS (1000) and STRIPE_EMULATOR_MAX_ATTEMPTS (8).
 */
import { createEmulator } from './index';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`[stripe-emulator] ${name} must be a whole number, got "${raw}".`);
    process.exit(1);
  }
  return n;
}

const webhookUrl = process.env.STRIPE_WEBHOOK_URL || undefined;
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || undefined;
if (webhookUrl && !webhookSecret) {
  console.error('[stripe-emulator] STRIPE_WEBHOOK_URL is set but STRIPE_WEBHOOK_SECRET is not; events could not be signed.');
  process.exit(1);
}

const emulator = createEmulator({
  port: intFromEnv('STRIPE_EMULATOR_PORT', 12111),
  dataDir: process.env.STRIPE_EMULATOR_DATA_DIR || '.data/stripe',
  webhookUrl,
  webhookSecret,
  webhookRetryBaseMs: intFromEnv('STRIPE_EMULATOR_RETRY_BASE_MS', 1_000),
  webhookMaxAttempts: intFromEnv('STRIPE_EMULATOR_MAX_ATTEMPTS', 8),
});

const url = await emulator.listen().catch((err: unknown) => {
  console.error(`[stripe-emulator] cannot listen: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
console.log(`[stripe-emulator] listening on ${url} (dashboard ${url}/_emulator/dashboard)${webhookUrl ? `, sending events to ${webhookUrl}` : ''}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void emulator.close().then(() => process.exit(0));
  });
}
