/**
 * A real stack for tests: a PostgreSQL (a throw-away embedded one, or the
 * server of DATABASE_URL), a database of its own for this run, migrated and
 * optionally seeded, and one or more `next start` servers of the production
 * build. Nothing is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { seedDemoData } from '../../db/seed';
import { createIsolatedDatabase, dropDatabase } from '../../scripts/lib/databases';
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from '../../scripts/lib/embedded-postgres';
import type { Emulator } from '../../stripe-emulator/src/emulator';
import { createEmulator } from '../../stripe-emulator/src/index';
import { createEmulator as createDarajaEmulator, type Emulator as DarajaEmulator } from '../../mpesa-emulator/src/index';
import { startMailCatcher } from '../../scripts/lib/mail-catcher';
// Fixed for test runs so tests can decrypt what the app stored.
import { TEST_QUESTIONNAIRE_KEY } from './test-keys';

export { TEST_QUESTIONNAIRE_KEY };

export interface Stack {
  databaseUrl: string;
  /** The offline Stripe emulator the app servers talk to (in this process). */
  stripe: { url: string; webhookSecret: string; emulator: Emulator };
  /** The offline Daraja (M-Pesa) emulator (in this process); its callbacks go to the first app server. */
  mpesa: { url: string; callbackSecret: string; emulator: DarajaEmulator };
  /** Base URLs of the app servers, all sharing the one database. */
  appUrls: string[];
  /** Their process ids, in the same order (benchmarks read their memory). */
  appPids: number[];
  /** File receiving every app server's stdout and stderr. */
  logFile: string;
  /** The SMTP catcher every message goes to, and its HTTP API. */
  mail: { url: string; smtpUrl: string };
  /** Holds the running worker's pid (it is restarted when it dies). */
  workerPidFile: string;
  /** Kills app server `index` (SIGKILL unless told) and resolves once it is gone; its port stays reserved for restartApp. */
  killApp(index: number, signal?: NodeJS.Signals): Promise<void>;
  /** Starts app server `index` again, on its port and with its environment, and waits until it is healthy. */
  restartApp(index: number): Promise<void>;
  /** With `restartablePg`: stop and start the embedded PostgreSQL (same port, same data). */
  pg?: { stop(): Promise<void>; start(): Promise<void> };
  stop(): Promise<void>;
}

export interface StackOptions {
  seed: boolean;
  servers?: number;
  /** Fixed port for the first server (Playwright needs it before start-up). */
  port?: number;
  host?: string;
  env?: Record<string, string>;
  /** Also run the job worker (hold expiry), sweeping every second. */
  worker?: boolean;
  /** Extra Node options for the app servers (a benchmark caps the heap with --max-old-space-size). */
  nodeArgs?: string[];
  /** The embedded PostgreSQL keeps its data when stopped, so a test can stop and start it (Stack.pg). */
  restartablePg?: boolean;
  /** The Stripe emulator's webhook retries: first delay (200 ms) and attempts (6). */
  webhookRetryBaseMs?: number;
  webhookMaxAttempts?: number;
}

async function waitForHealth(url: string, child: ChildProcess, healthy: boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app server exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok || !healthy) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`app server at ${url} not healthy after ${timeoutMs} ms`);
}

export interface AppServer {
  url: string;
  pid: number;
  /** Sends SIGTERM (SIGKILL after 5 s), or the signal given; resolves when the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `next start` from the production build and waits until /api/health answers 200 (or any status, if `expectHealthy` is false). */
export async function startAppServer(options: {
  databaseUrl: string;
  authSecret?: string;
  port?: number;
  host?: string;
  env?: Record<string, string>;
  log?: NodeJS.WritableStream;
  expectHealthy?: boolean;
  nodeArgs?: string[];
}): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret ?? randomBytes(32).toString('base64url'),
      QUESTIONNAIRE_KEY: TEST_QUESTIONNAIRE_KEY,
      TEST_CLOCK: 'enabled',
      AUTH_TRUST_HOST: 'true',
      // As behind a proxy: each test file speaks from its own X-Forwarded-For address (tests/integration/fixtures/api.ts).
      // tests/integration/front-door.test.ts starts its own server without it.
      TRUST_PROXY: 'true',
      PORT: String(port),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.log) {
    child.stdout?.pipe(options.log, { end: false });
    child.stderr?.pipe(options.log, { end: false });
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  try {
    await waitForHealth(url, child, options.expectHealthy ?? true);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, pid: child.pid ?? 0, stop };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'wellbook-test-'));
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error('cleanup failed:', err));
  };

  try {
    let serverUrl = process.env.DATABASE_URL;
    let pgControl: Stack['pg'];
    if (!serverUrl) {
      const pgOptions = { dataDir: path.join(workDir, 'pg'), port: await freePort(), persistent: options.restartablePg ?? false };
      let pg: EmbeddedServer | undefined = await startEmbeddedPostgres(pgOptions);
      serverUrl = pg.adminUrl;
      if (options.restartablePg) {
        pgControl = {
          async stop() {
            await pg?.stop();
            pg = undefined;
          },
          async start() {
            pg ??= await startEmbeddedPostgres(pgOptions);
          },
        };
      }
      cleanups.push(async () => {
        await pg?.stop();
        if (options.restartablePg) rmSync(pgOptions.dataDir, { recursive: true, force: true });
      });
    } else if (options.restartablePg) {
      throw new Error('restartablePg needs the embedded PostgreSQL (DATABASE_URL is set).');
    }
    const database = await createIsolatedDatabase(serverUrl, 'wellbook_test');
    const adminUrl = serverUrl;
    cleanups.push(() => dropDatabase(adminUrl, database.name));

    await runMigrations(database.url);
    if (options.seed) {
      const { sql, db } = connect(database.url, 1);
      await seedDemoData(db, undefined, { questionnaireKey: TEST_QUESTIONNAIRE_KEY }).finally(() => sql.end({ timeout: 5 }));
    }

    const logFile = path.join(workDir, 'app.log');
    const logStream = createWriteStream(logFile, { flags: 'a' });
    cleanups.push(() => new Promise((resolve) => logStream.end(resolve)));

    const authSecret = randomBytes(32).toString('base64url');
    // Stripe is the emulator; its webhooks go to the first app server.
    const firstPort = options.port ?? (await freePort());
    const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
    const emulator = createEmulator({
      port: 0,
      webhookUrl: `http://127.0.0.1:${firstPort}/api/stripe/webhook`,
      webhookSecret,
      webhookRetryBaseMs: options.webhookRetryBaseMs ?? 200,
      webhookMaxAttempts: options.webhookMaxAttempts ?? 6,
    });
    const stripeUrl = await emulator.listen();
    cleanups.push(() => emulator.close());
    const stripeEnv = {
      STRIPE_SECRET_KEY: 'sk_test_integration',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_integration',
      STRIPE_API_BASE: stripeUrl,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
    };
    // M-Pesa is the Daraja emulator; the app tells it to call back the first server.
    const daraja = createDarajaEmulator({ port: 0, callbackRetryBaseMs: 100, timeoutPhoneSeconds: 5 });
    const darajaUrl = await daraja.listen();
    cleanups.push(() => daraja.close());
    const callbackSecret = randomBytes(18).toString('base64url');
    const mpesaEnv = {
      MPESA_CONSUMER_KEY: 'wellbook-test-consumer-key',
      MPESA_CONSUMER_SECRET: 'wellbook-test-consumer-secret',
      MPESA_API_BASE: darajaUrl,
      MPESA_CALLBACK_SECRET: callbackSecret,
      MPESA_CALLBACK_BASE: `http://${options.host ?? '127.0.0.1'}:${firstPort}`,
    };
    // E-mail goes over real SMTP to a catcher the stack runs; links point at the first server.
    const mail = await startMailCatcher();
    cleanups.push(() => mail.stop());
    const mailEnv = { SMTP_URL: mail.smtpUrl, MAIL_CATCHER_URL: mail.url, APP_URL: `http://${options.host ?? '127.0.0.1'}:${firstPort}`, MAIL_MAX_ATTEMPTS: '50', MAIL_RETRY_MAX_SECONDS: '4' };
    const appUrls: string[] = [];
    const appPids: number[] = [];
    const servers: AppServer[] = [];
    const serverOptions: Parameters<typeof startAppServer>[0][] = [];
    for (let i = 0; i < (options.servers ?? 1); i++) {
      serverOptions.push({
        databaseUrl: database.url,
        authSecret,
        port: i === 0 ? firstPort : await freePort(),
        host: options.host,
        env: { ...stripeEnv, ...mpesaEnv, ...mailEnv, ...options.env },
        log: logStream,
        nodeArgs: options.nodeArgs,
      });
    }
    // Side by side: each Next server takes seconds to start.
    const started = await Promise.allSettled(serverOptions.map((o) => startAppServer(o)));
    for (const result of started) {
      if (result.status === 'rejected') {
        await Promise.all(started.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
        throw result.reason;
      }
      servers.push(result.value);
      appUrls.push(result.value.url);
      appPids.push(result.value.pid);
    }
    cleanups.push(async () => {
      for (const server of servers) await server.stop();
    });
    const killApp = async (index: number, signal: NodeJS.Signals = 'SIGKILL') => {
      await servers[index]?.stop(signal);
    };
    const restartApp = async (index: number) => {
      const server = await startAppServer(serverOptions[index]!);
      servers[index] = server;
      appPids[index] = server.pid;
    };
    const workerPidFile = path.join(workDir, 'worker.pid');
    if (options.worker) {
      // Supervised: a worker that dies (a test kills it with SIGKILL) is started again, as a process manager would.
      let current: ChildProcess | undefined;
      let stopping = false;
      const startWorker = () => {
        const worker = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
          env: {
            ...process.env,
            NODE_ENV: 'production',
            DATABASE_URL: database.url,
            AUTH_SECRET: authSecret,
            QUESTIONNAIRE_KEY: TEST_QUESTIONNAIRE_KEY,
            HOLD_SWEEP_SECONDS: '1',
            CREDIT_EXPIRY_SECONDS: '1',
            AUTO_COMPLETE_SECONDS: '1',
            MAIL_SWEEP_SECONDS: '1',
            REMINDER_SWEEP_SECONDS: '1',
            ...stripeEnv,
            ...mpesaEnv,
            ...mailEnv,
            ...options.env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        worker.stdout?.pipe(logStream, { end: false });
        worker.stderr?.pipe(logStream, { end: false });
        writeFileSync(workerPidFile, String(worker.pid ?? ''));
        worker.once('exit', () => {
          if (!stopping) setTimeout(startWorker, 500);
        });
        current = worker;
      };
      startWorker();
      cleanups.push(
        () =>
          new Promise<void>((resolve) => {
            stopping = true;
            const worker = current;
            if (!worker || worker.exitCode !== null || worker.signalCode !== null) return resolve();
            worker.once('exit', () => resolve());
            worker.kill('SIGTERM');
            setTimeout(() => worker.kill('SIGKILL'), 5_000).unref();
          }),
      );
    }
    return { databaseUrl: database.url, appUrls, appPids, logFile, stop, killApp, restartApp, pg: pgControl, stripe: { url: stripeUrl, webhookSecret, emulator }, mpesa: { url: darajaUrl, callbackSecret, emulator: daraja }, mail: { url: mail.url, smtpUrl: mail.smtpUrl }, workerPidFile };
  } catch (err) {
    await stop();
    throw err;
  }
}
