import path from 'node:path';
import { startChild, waitForHttp, type ChildService, type Supervision } from './child-service';
import { dataDir } from './data-dir';
import { isPortTaken } from './embedded-postgres';

export interface MpesaSetup {
  /** Variables the app needs to reach Daraja (or the emulator). */
  appEnv: Record<string, string>;
  description: string;
  service?: ChildService;
  /** Resolves when the emulator answers (at once when none is started); the app may start before. */
  ready: Promise<void>;
}

// The emulator's default credentials (mpesa-emulator/README.md).
const EMULATOR_CONSUMER_KEY = 'wellbook-test-consumer-key';
const EMULATOR_CONSUMER_SECRET = 'wellbook-test-consumer-secret';

/**
 * With MPESA_CONSUMER_KEY set the app talks to Daraja (MPESA_API_BASE) as
 * configured and nothing is started. Without it, the offline Daraja emulator
 * starts on MPESA_EMULATOR_PORT, and its callbacks reach the app on 127.0.0.1.
 */
export async function setUpMpesa(options: { appPort: number; callbackSecret: string; supervision: Supervision }): Promise<MpesaSetup> {
  if (process.env.MPESA_CONSUMER_KEY) {
    return { appEnv: { MPESA_CALLBACK_SECRET: options.callbackSecret }, description: `Daraja at ${process.env.MPESA_API_BASE || 'https://sandbox.safaricom.co.ke'}`, ready: Promise.resolve() };
  }
  const port = Number(process.env.MPESA_EMULATOR_PORT || 12112);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('MPESA_EMULATOR_PORT must be a port number.');
  if (await isPortTaken(port)) {
    throw new Error(`Port ${port} is in use, so the M-Pesa emulator cannot start. Stop what uses it, or set MPESA_EMULATOR_PORT.`);
  }
  const service = startChild(
    'M-Pesa emulator',
    ['--import', 'tsx', 'mpesa-emulator/src/main.ts'],
    { ...process.env, MPESA_EMULATOR_PORT: String(port), MPESA_EMULATOR_STATE: path.join(dataDir(), 'mpesa-emulator.json') },
    options.supervision,
  );
  const base = `http://127.0.0.1:${port}`;
  return {
    service,
    ready: waitForHttp(`${base}/_emulator/prompts`, service, 30_000),
    description: `offline M-Pesa emulator on ${base} (phone prompts and dashboard at ${base}/)`,
    appEnv: {
      MPESA_CONSUMER_KEY: EMULATOR_CONSUMER_KEY,
      MPESA_CONSUMER_SECRET: EMULATOR_CONSUMER_SECRET,
      MPESA_API_BASE: base,
      MPESA_CALLBACK_SECRET: options.callbackSecret,
      MPESA_CALLBACK_BASE: `http://127.0.0.1:${options.appPort}`,
    },
  };
}
