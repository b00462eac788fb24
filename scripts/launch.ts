/**
 * `npm start` / `npm run dev`: builds when needed, starts the database (the
 * embedded PostgreSQL unless DATABASE_URL is set) and the offline Stripe
 * emulator (unless STRIPE_SECRET_KEY is set), the offline Daraja (M-Pesa)
 * emulator (unless MPESA_CONSUMER_KEY is set), a local SMTP catcher (unless
 * SMTP_URL is set), migrates, seeds an empty database, starts the job worker
 * and the Next server, connects the demo provider Maya on the emulator
 * (scripts/connect-demo-provider.ts), and on Ctrl-C or SIGTERM stops all it
 * started, the app first.
 */
import { connect } from '../db/client';
import { runMigrations } from '../db/migrate';
import { DEMO_PASSWORD, demoUsers, isDatabaseEmpty, seedDemoData } from '../db/seed';
import { parseEnv } from '../lib/env';
import { CONNECTED_DEMO_PROVIDER, connectDemoProvider } from './connect-demo-provider';
import { buildIfStale } from './lib/build';
import { startChild, waitForHttp, type ChildService } from './lib/child-service';
import { loadDotEnv, localSecrets } from './lib/data-dir';
import { openDatabase, type OpenDatabase } from './lib/database';
import { isPortTaken } from './lib/embedded-postgres';
import { setUpMail } from './lib/mail';
import { setUpMpesa } from './lib/mpesa-emulator';
import { setUpStripe } from './lib/stripe-emulator';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const log = (line: string) => console.log(`[launcher] ${line}`);

let database: OpenDatabase | undefined;
const services: ChildService[] = [];
let stopping = false;
let stopMail: (() => Promise<void>) | undefined;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('Stopping...');
    for (const service of [...services].reverse()) await service.stop();
    await stopMail?.().catch(() => undefined);
    await database?.stop().catch((err: unknown) => log(`Database stop failed: ${String(err)}`));
    log('Stopped.');
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
const onUnexpectedExit = (code: number | null) => void shutdown(code || 1);

async function main(): Promise<void> {
  loadDotEnv();
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('PORT must be a port number.');
  if (await isPortTaken(port)) throw new Error(`Port ${port} is already in use. Stop what uses it, or set PORT.`);

  const secrets = await localSecrets();
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET || secrets.AUTH_SECRET,
    QUESTIONNAIRE_KEY: process.env.QUESTIONNAIRE_KEY || secrets.QUESTIONNAIRE_KEY,
    AUTH_TRUST_HOST: 'true',
    PORT: String(port),
  };
  // Fail early, naming each bad variable, before anything is built or started.
  parseEnv({ ...appEnv, DATABASE_URL: appEnv.DATABASE_URL || 'postgres://placeholder' });

  if (mode === 'start') await buildIfStale(log);

  database = await openDatabase(log);
  log(`Database: ${database.description}`);
  await runMigrations(database.url);
  log('Migrations applied.');
  const { sql, db } = connect(database.url, 1);
  try {
    if (await isDatabaseEmpty(db)) {
      const { created } = await seedDemoData(db, undefined, { questionnaireKey: appEnv.QUESTIONNAIRE_KEY });
      log(`Seeded demo data (${created} users).`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }

  const stripe = await setUpStripe({ appPort: port, webhookSecret: secrets.STRIPE_WEBHOOK_SECRET, onUnexpectedExit });
  if (stripe.service) services.push(stripe.service);
  log(`Payments: ${stripe.description}`);

  const mpesa = await setUpMpesa({ appPort: port, callbackSecret: process.env.MPESA_CALLBACK_SECRET || secrets.MPESA_CALLBACK_SECRET, onUnexpectedExit });
  if (mpesa.service) services.push(mpesa.service);
  log(`M-Pesa: ${mpesa.description}`);

  const mail = await setUpMail({ appPort: port });
  if (mail.stop) stopMail = mail.stop;
  log(`E-mail: ${mail.description}`);

  const runtimeEnv = { ...appEnv, ...stripe.appEnv, ...mpesa.appEnv, ...mail.appEnv, DATABASE_URL: database.url };
  services.push(
    startChild('Job worker', ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], { ...runtimeEnv, NODE_ENV: 'production' }, onUnexpectedExit),
  );

  const next = startChild(
    'Next server',
    ['node_modules/next/dist/bin/next', mode === 'dev' ? 'dev' : 'start', '-H', '127.0.0.1', '-p', String(port)],
    { ...runtimeEnv, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
    onUnexpectedExit,
    // Next prints the address it binds (127.0.0.1); the app must be opened at localhost (the session cookie's host), printed below.
    (line) => line.includes(`127.0.0.1:${port}`),
  );
  services.push(next);
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, next, mode === 'dev' ? 120_000 : 60_000);
  // The emulator's demo: one provider connected for Stripe payouts (real keys: providers onboard themselves).
  const emulatorBase = stripe.service ? stripe.appEnv.STRIPE_API_BASE : undefined;
  if (emulatorBase) {
    await connectDemoProvider({ appUrl: `http://127.0.0.1:${port}`, stripeApiBase: emulatorBase }).then(
      (line) => log(line),
      (err: unknown) => log(`Could not connect ${CONNECTED_DEMO_PROVIDER} to the Stripe emulator: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  console.log(
    [
      '',
      `  Wellbook is running at http://localhost:${port}`,
      '',
      `  Demo logins (password "${DEMO_PASSWORD}"):`,
      ...demoUsers.map((u) => `    ${u.role.padEnd(8)} ${u.email.padEnd(24)} ${u.name}${u.provider ? ` (${u.provider.headline})` : ''}`),
      '',
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  console.error(`\n[launcher] ${err instanceof Error ? err.message : String(err)}\n`);
  void shutdown(1);
});
