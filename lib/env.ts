import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ error: 'is required (npm start provides one for the embedded PostgreSQL)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z
    .string({ error: 'is required (npm start generates one into the data folder)' })
    .min(32, 'must be at least 32 characters'),
  // Use X-Forwarded-For for the client's IP only behind a proxy that sets it.
  TRUST_PROXY: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  API_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // Off: bookings confirm at once and nothing is charged (seed 003's switch).
  PAYMENTS_ENABLED: bool.default(true),
  // 32 random bytes, base64: encrypts health questionnaire answers (AES-256-GCM).
  QUESTIONNAIRE_KEY: z
    .string({ error: 'is required (npm start generates one into the data folder)' })
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)'),
  // Tests only: exposes POST /api/test/clock to move the app's clock. Never set it in production.
  TEST_CLOCK: z.enum(['enabled', 'disabled']).default('disabled'),
  // Stripe: real test or live keys, or the offline emulator's (npm start sets those when no key is given).
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)').optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_\w+$/, 'must be a Stripe publishable key (pk_test_… or pk_live_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)').optional(),
  // Where the Stripe SDK sends requests instead of api.stripe.com, e.g. http://127.0.0.1:12111 (the emulator).
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  // M-Pesa (Daraja): real consumer credentials, or the offline emulator's (npm start sets those when no key is given).
  MPESA_CONSUMER_KEY: z.string().min(1).optional(),
  MPESA_CONSUMER_SECRET: z.string().min(1).optional(),
  // Where Daraja is: https://sandbox.safaricom.co.ke, https://api.safaricom.co.ke, or the emulator.
  MPESA_API_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://sandbox.safaricom.co.ke'),
  MPESA_SHORTCODE: z.string().regex(/^\d{5,7}$/, 'must be a 5 to 7 digit shortcode').default('174379'),
  MPESA_PASSKEY: z.string().min(1).default('bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919'),
  MPESA_TRANSACTION_TYPE: z.enum(['CustomerPayBillOnline', 'CustomerBuyGoodsOnline']).default('CustomerPayBillOnline'),
  // The till or paybill that receives the money (PartyB); the shortcode when unset.
  MPESA_PARTY_B: z.string().regex(/^\d{5,7}$/, 'must be a 5 to 7 digit shortcode').optional(),
  // The secret part of the callback URLs Daraja is given (/api/mpesa/callback/<secret>); npm start generates one.
  MPESA_CALLBACK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,}$/, 'must be at least 16 letters, digits, - or _').optional(),
  // The public address Daraja posts results to; APP_URL when unset.
  MPESA_CALLBACK_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  // Reversals (refunds): the initiator's name and encrypted credential from the Daraja portal.
  MPESA_INITIATOR: z.string().min(1).default('wellbook'),
  MPESA_SECURITY_CREDENTIAL: z.string().min(1).default('offline-emulator-credential'),
  // A pending M-Pesa payment older than this is asked about by STK Query (the worker, every minute).
  MPESA_QUERY_AFTER_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  MPESA_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  // E-mail: an SMTP server (smtp://user:pass@host:587, smtps://… for TLS); npm start runs a local catcher when unset.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().regex(/^(.+<[^@\s]+@[^@\s]+>|[^@\s]+@[^@\s]+)$/, 'must be an address, e.g. "Wellbook <hello@example.com>"').default('Wellbook <no-reply@wellbook.local>'),
  // The app's public address: every link in an e-mail is absolute from it.
  APP_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('http://localhost:3000'),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  // The longest wait between two attempts (the backoff doubles up to it).
  MAIL_RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Formats zod issues as "NAME: problem" lines naming each bad variable. */
export function describeEnvIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n');
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(`Invalid configuration:\n${describeEnvIssues(result.error)}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment, read once on first use (never at build time). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
