/**
 * `npm start` / `npm run dev`: builds when needed, starts the database (the
 * embedded PostgreSQL unless DATABASE_URL is set) and the offline Stripe
 * emulator (unless STRIPE_SECRET_KEY is set), the offline Daraja (M-Pesa)
 * emulator (unless MPESA_CONSUMER_KEY is set), a local SMTP catcher (unless
 * SMTP_URL is set), migrates, seeds an empty database, starts the job worker
 * and the Next server, connects the demo provider Maya on the emulator
 * (scripts/connect-demo-provider.ts), and on Ctrl-C or SIGTERM stops all it
 * started, the app first. It prints how long each step took.
 *
 * It supervises what it started: a child (the Next server, the worker, an
 * emulator) that dies is started again after 1 s, 2 s, 4 s... and after
 * RESTART_DEFAULTS.maxRestarts restarts within a minute everything stops with
 * exit code 1. The database is checked every DB_CHECK_MS; the embedded
 * PostgreSQL is started again when its process ends, and an external one is
 * reported when it becomes unreachable and when it is back.
 */
import postgres from 'postgres';
import { connect } from '../db/client';
import { runMigrations } from '../db/migrate';
import { parseEnv } from '../lib/env';
import { buildIfStale } from './lib/build';
import { describeExit, startChild, waitForHttp, type ChildService, type Supervision } from './lib/child-service';
import { loadDotEnv, localSecrets } from './lib/data-dir';
import { openDatabase, type OpenDatabase } from './lib/database';
import { isPortTaken } from './lib/embedded-postgres';
import { setUpMail } from './lib/mail';
import { setUpMpesa } from './lib/mpesa-emulator';
import { setUpStripe } from './lib/stripe-emulator';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
// db/seed pulls in much of lib/ (the demo clients' questionnaires) and takes seconds to load: it is
// loaded only to seed an empty database, or once the app answers, for the logins printed below.
let seedModulePromise: Promise<typeof import('../db/seed')> | undefined;
const seedModule = () => (seedModulePromise ??= import('../db/seed'));
/** The demo provider scripts/connect-demo-provider.ts connects (imported only when it has to run). */
const CONNECTED_DEMO_PROVIDER = 'maya@wellbook.test';
const log = (line: string) => console.log(`[launcher] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one start-up step and logs how long it took: "Migrations applied (0.4 s)." */
async function step<T>(done: string | ((result: T) => string), fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  log(`${typeof done === 'string' ? done : done(result)} (${seconds(performance.now() - started)}).`);
  return result;
}

/** How often the launcher checks the database once everything runs. */
const DB_CHECK_MS = 3_000;
/** Attempts to start a dead embedded PostgreSQL again (1 s, 2 s, 4 s... apart) before giving up. */
const DB_RESTART_ATTEMPTS = 5;

let database: OpenDatabase | undefined;
const services: ChildService[] = [];
let stopping = false;
let stopMail: (() => Promise<void>) | undefined;
let stopDatabaseWatch: (() => Promise<void>) | undefined;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('Stopping...');
    await stopDatabaseWatch?.().catch(() => undefined);
    for (const service of [...services].reverse()) await service.stop();
    await stopMail?.().catch(() => undefined);
    await database?.stop().catch((err: unknown) => log(`Database stop failed: ${String(err)}`));
    log('Stopped.');
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

const supervision: Supervision = {
  stopping: () => stopping,
  giveUp(message) {
    log(`${message} Stopping everything.`);
    void shutdown(1);
  },
};

/**
 * Checks the database with `select 1` every DB_CHECK_MS and logs when it
 * becomes unreachable and when it is back. The embedded server is also
 * watched through its process: when it ends it is started again (the app's
 * and the worker's pools reconnect on their next query), or, when that keeps
 * failing, the launcher says so and stops.
 */
function watchDatabase(db: OpenDatabase, appHealthUrl: string): () => Promise<void> {
  const probe = postgres(db.url, { max: 1, connect_timeout: 2, idle_timeout: 30, onnotice: () => {}, connection: { application_name: 'wellbook-launcher' } });
  let downSince: number | undefined;
  let restarting = false;
  let checking = false;
  let ended = false;

  const reachable = async (): Promise<string | null> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe`select 1`,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2_000))),
      ]);
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
    }
  };

  const markDown = (reason: string) => {
    if (downSince !== undefined) return;
    downSince = Date.now();
    log(`Database unreachable (${reason}); requests that need it answer 503 until it is back.`);
  };
  const markUp = () => {
    if (downSince === undefined) return;
    log(`Database reachable again (down ${seconds(Date.now() - downSince)}).`);
    downSince = undefined;
    void waitForHttp(appHealthUrl, services.find((s) => s.name === 'Next server')!, 30_000, 250).then(
      () => log('The app answers /api/health again.'),
      () => log('The database is back but the app does not answer /api/health yet.'),
    );
  };

  const check = async () => {
    if (checking || restarting || ended) return;
    checking = true;
    try {
      const problem = await reachable();
      if (ended || restarting) return;
      if (problem) markDown(problem);
      else markUp();
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), DB_CHECK_MS);

  const restartEmbedded = async (how: string) => {
    restarting = true;
    markDown(`the embedded PostgreSQL stopped (${how})`);
    for (let attempt = 1; attempt <= DB_RESTART_ATTEMPTS && !ended; attempt++) {
      const delay = 1_000 * 2 ** (attempt - 1);
      log(`Restarting the embedded PostgreSQL in ${delay / 1000} s (attempt ${attempt} of ${DB_RESTART_ATTEMPTS})...`);
      await new Promise((r) => setTimeout(r, delay));
      if (ended) return;
      const started = performance.now();
      try {
        await db.restart!();
        log(`Embedded PostgreSQL restarted (${seconds(performance.now() - started)}).`);
        restarting = false;
        watchExit();
        markUp();
        return;
      } catch (err) {
        log(`The embedded PostgreSQL did not start: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
      }
    }
    if (ended) return;
    supervision.giveUp(`Could not restart the embedded PostgreSQL after ${DB_RESTART_ATTEMPTS} attempts (see above); the app cannot work without it.`);
  };
  const watchExit = () => {
    if (db.kind !== 'embedded' || !db.exited) return;
    void db.exited().then(({ code, signal }) => {
      if (!ended && !stopping) void restartEmbedded(describeExit(code, signal));
    });
  };
  watchExit();

  return async () => {
    ended = true;
    clearInterval(timer);
    await probe.end({ timeout: 1 });
  };
}

/** True when the demo provider already has a Stripe account with payouts enabled (so there is nothing to connect). */
async function demoProviderConnected(sql: postgres.Sql): Promise<boolean> {
  const [row] = await sql<{ connected: boolean }[]>`
    select exists (
      select 1 from connect_accounts c join users u on u.id = c.user_id
      where u.email = ${CONNECTED_DEMO_PROVIDER} and c.payouts_enabled
    ) as connected`;
  return row?.connected ?? false;
}

async function main(): Promise<void> {
  log(`Launcher loaded (${seconds(performance.now())}).`);
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

  if (mode === 'start') await step('Build checked', () => buildIfStale(log));

  // The database (start, migrations, seed) and the emulators and mail catcher do not need each other: they start together.
  let connectedDemoProvider = false;
  const databaseReady = (async () => {
    const opened = await step((db) => `Database: ${db.description}`, () => openDatabase(log));
    database = opened;
    await step('Migrations applied', () => runMigrations(opened.url));
    const { sql, db } = connect(opened.url, 1);
    try {
      await step(
        (created) => (created === null ? 'Demo data already present' : `Seeded demo data (${created} users)`),
        async () => {
          const [row] = await sql<{ empty: boolean }[]>`select not exists (select 1 from users) as empty`;
          if (!row?.empty) return null;
          const { seedDemoData } = await seedModule();
          return (await seedDemoData(db, undefined, { questionnaireKey: appEnv.QUESTIONNAIRE_KEY })).created;
        },
      );
      connectedDemoProvider = await demoProviderConnected(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
    return opened;
  })();
  // The emulators are spawned now and waited for only beside the Next server (their URLs are known in advance).
  const emulatorsStarted = performance.now();
  const emulatorsSpawned = (async () => {
    const stripe = await setUpStripe({ appPort: port, webhookSecret: secrets.STRIPE_WEBHOOK_SECRET, supervision });
    if (stripe.service) services.push(stripe.service);
    const mpesa = await setUpMpesa({ appPort: port, callbackSecret: process.env.MPESA_CALLBACK_SECRET || secrets.MPESA_CALLBACK_SECRET, supervision });
    if (mpesa.service) services.push(mpesa.service);
    const ready = Promise.all([
      stripe.ready.then(() => log(`Payments: ${stripe.description} (${seconds(performance.now() - emulatorsStarted)}).`)),
      mpesa.ready.then(() => log(`M-Pesa: ${mpesa.description} (${seconds(performance.now() - emulatorsStarted)}).`)),
    ]);
    ready.catch(() => undefined);
    return { stripe, mpesa, ready };
  })();
  const mailReady = step((m) => `E-mail: ${m.description}`, () => setUpMail({ appPort: port })).then((m) => ((stopMail = m.stop), m));
  // Every step is awaited before a failure is thrown, so that shutdown() knows of all that was started.
  const settled = await Promise.allSettled([databaseReady, emulatorsSpawned, mailReady]);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const [opened, { stripe, mpesa, ready: emulatorsReady }, mail] = await Promise.all([databaseReady, emulatorsSpawned, mailReady]);

  const runtimeEnv = { ...appEnv, ...stripe.appEnv, ...mpesa.appEnv, ...mail.appEnv, DATABASE_URL: opened.url };
  const nextStarted = performance.now();
  const next = startChild(
    'Next server',
    ['node_modules/next/dist/bin/next', mode === 'dev' ? 'dev' : 'start', '-H', '127.0.0.1', '-p', String(port)],
    { ...runtimeEnv, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
    supervision,
    // Next prints the address it binds (127.0.0.1); the app must be opened at localhost (the session cookie's host), printed below.
    (line) => line.includes(`127.0.0.1:${port}`),
  );
  services.push(next);
  const healthUrl = `http://127.0.0.1:${port}/api/health`;
  const [nextReady] = await Promise.allSettled([waitForHttp(healthUrl, next, mode === 'dev' ? 120_000 : 60_000), emulatorsReady]);
  if (nextReady.status === 'rejected') throw nextReady.reason;
  await emulatorsReady;
  log(`Next server ready (${seconds(performance.now() - nextStarted)}).`);
  const ready = performance.now();
  stopDatabaseWatch = watchDatabase(opened, healthUrl);
  // The worker (it loads most of lib/) starts once the app answers, so the two do not share the CPU while Next starts.
  services.push(
    startChild('Job worker', ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], { ...runtimeEnv, NODE_ENV: 'production' }, supervision),
  );

  // The emulator's demo: one provider connected for Stripe payouts (real keys: providers onboard themselves).
  // Once connected (the first start), later starts only read that from the database: signing in takes a second.
  const emulatorBase = stripe.service ? stripe.appEnv.STRIPE_API_BASE : undefined;
  if (emulatorBase && !connectedDemoProvider) {
    await step(
      (line) => line,
      async () => {
        const { connectDemoProvider } = await import('./connect-demo-provider');
        return connectDemoProvider({ appUrl: `http://127.0.0.1:${port}`, stripeApiBase: emulatorBase }).catch(
          (err: unknown) => `Could not connect ${CONNECTED_DEMO_PROVIDER} to the Stripe emulator: ${err instanceof Error ? err.message : String(err)}`,
        );
      },
    );
  } else if (emulatorBase) {
    log(`${CONNECTED_DEMO_PROVIDER} is connected to the Stripe emulator.`);
  }
  log(`Ready in ${seconds(ready)}: http://localhost:${port}`);
  const { DEMO_PASSWORD, demoUsers } = await seedModule();

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
