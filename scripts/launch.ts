/**
 * `npm start` / `npm run dev`: builds when needed, starts the database (the
 * embedded PostgreSQL unless DATABASE_URL is set), migrates, seeds an empty
 * database, starts the Next server, and on Ctrl-C or SIGTERM stops all it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from '../db/client';
import { runMigrations } from '../db/migrate';
import { DEMO_PASSWORD, demoUsers, isDatabaseEmpty, seedDemoData } from '../db/seed';
import { parseEnv } from '../lib/env';
import { buildIfStale } from './lib/build';
import { loadDotEnv, localSecrets } from './lib/data-dir';
import { openDatabase, type OpenDatabase } from './lib/database';
import { isPortTaken } from './lib/embedded-postgres';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const log = (line: string) => console.log(`[launcher] ${line}`);

// embedded-postgres installs exit hooks that stop Postgres and exit at once;
// we own the shutdown order instead (the app first, then its database).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);

let database: OpenDatabase | undefined;
let server: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('Stopping...');
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database?.stop().catch((err: unknown) => log(`Database stop failed: ${String(err)}`));
    log('Stopped.');
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error('The Next server exited during start-up.');
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy within ${timeoutMs / 1000} s.`);
}

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
      const { created } = await seedDemoData(db);
      log(`Seeded demo data (${created} users).`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }

  const nextArgs = mode === 'dev' ? ['dev', '-H', '127.0.0.1', '-p', String(port)] : ['start', '-H', '127.0.0.1', '-p', String(port)];
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', ...nextArgs], {
    stdio: 'inherit',
    env: { ...appEnv, DATABASE_URL: database.url, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
  });
  server.on('exit', (code, signal) => {
    if (!stopping) {
      log(`The Next server stopped (${signal ?? `exit ${code}`}).`);
      void shutdown(code ?? 1);
    }
  });

  const url = `http://localhost:${port}`;
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, mode === 'dev' ? 120_000 : 60_000);
  console.log(
    [
      '',
      `  Wellbook is running at ${url}`,
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
