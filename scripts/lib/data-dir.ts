import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The gitignored folder holding the embedded database and generated local secrets. */
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || '.data');
}

interface LocalSecrets {
  AUTH_SECRET: string;
  /** Shared by the Stripe emulator (signing) and the app (verifying). */
  STRIPE_WEBHOOK_SECRET: string;
  /** Encrypts questionnaire answers on this laptop; a real deployment sets its own. */
  QUESTIONNAIRE_KEY: string;
  /** The secret path part of the M-Pesa callback URLs. */
  MPESA_CALLBACK_SECRET: string;
}

/**
 * Secrets for a laptop run, generated once and kept in the data folder so
 * sessions survive a restart. Variables already set in the environment win.
 */
export async function localSecrets(dir = dataDir()): Promise<LocalSecrets> {
  const file = path.join(dir, 'secrets.json');
  let stored: Partial<LocalSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  const secrets: LocalSecrets = {
    AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString('base64url'),
    STRIPE_WEBHOOK_SECRET: stored.STRIPE_WEBHOOK_SECRET ?? `whsec_${randomBytes(24).toString('hex')}`,
    QUESTIONNAIRE_KEY: stored.QUESTIONNAIRE_KEY ?? randomBytes(32).toString('base64'),
    MPESA_CALLBACK_SECRET: stored.MPESA_CALLBACK_SECRET ?? randomBytes(24).toString('base64url'),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  }
  return secrets;
}

/** Loads `.env` from the project root if present, without overriding the real environment. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}
