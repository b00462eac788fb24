/**
 * `npm run mpesa:emulator`: the offline Daraja (M-Pesa) on 127.0.0.1. See mpesa-emulator/README.md for the env.
 */
import { createEmulator, DEFAULT_CONFIG } from './index';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`[mpesa-emulator] ${name} must be a whole number, got "${raw}".`);
    process.exit(1);
  }
  return n;
}

function strFromEnv(name: string, fallback: string): string {
  return process.env[name] || fallback;
}

const emulator = createEmulator({
  port: intFromEnv('MPESA_EMULATOR_PORT', DEFAULT_CONFIG.port),
  stateFile: strFromEnv('MPESA_EMULATOR_STATE', '.data/mpesa-emulator.json'),
  consumerKey: strFromEnv('MPESA_EMULATOR_CONSUMER_KEY', DEFAULT_CONFIG.consumerKey),
  consumerSecret: strFromEnv('MPESA_EMULATOR_CONSUMER_SECRET', DEFAULT_CONFIG.consumerSecret),
  shortcode: strFromEnv('MPESA_EMULATOR_SHORTCODE', DEFAULT_CONFIG.shortcode),
  passkey: strFromEnv('MPESA_EMULATOR_PASSKEY', DEFAULT_CONFIG.passkey),
  merchantName: strFromEnv('MPESA_EMULATOR_MERCHANT', DEFAULT_CONFIG.merchantName),
  callbackAttempts: intFromEnv('MPESA_EMULATOR_CALLBACK_ATTEMPTS', DEFAULT_CONFIG.callbackAttempts),
  callbackRetryBaseMs: intFromEnv('MPESA_EMULATOR_CALLBACK_RETRY_MS', DEFAULT_CONFIG.callbackRetryBaseMs),
  timeoutPhoneSeconds: intFromEnv('MPESA_EMULATOR_TIMEOUT_SECONDS', DEFAULT_CONFIG.timeoutPhoneSeconds),
  timestampToleranceSeconds: intFromEnv('MPESA_EMULATOR_TIMESTAMP_TOLERANCE', DEFAULT_CONFIG.timestampToleranceSeconds),
});

const url = await emulator.listen().catch((err: unknown) => {
  console.error(`[mpesa-emulator] cannot listen: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
console.log(`[mpesa-emulator] listening on ${url} (dashboard ${url}/)`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void emulator.close().then(() => process.exit(0));
  });
}
