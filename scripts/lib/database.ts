import path from 'node:path';
import { realpathSync } from 'node:fs';
import { canConnect, dataDirectoryOf, ensureDatabase } from './databases';
import { dataDir } from './data-dir';
import { isPortTaken, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  /** How the database was reached, for the start-up banner. */
  description: string;
  /** `embedded` only when this process started the server (and so can start it again). */
  kind: 'external' | 'embedded' | 'reused';
  /** For `embedded`: resolves when the current server process ends (a new promise after each restart). */
  exited?(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** For `embedded`: starts the server again on the same port and data folder. */
  restart?(): Promise<void>;
  stop(): Promise<void>;
}

const EMBEDDED_DB_NAME = 'wellbook';

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * DATABASE_URL when set (nothing is started); otherwise the embedded
 * PostgreSQL in the data folder, started now or reused if this project's
 * instance is already running (say, from `npm start` while seeding).
 */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

export async function openDatabase(log: (line: string) => void): Promise<OpenDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    if (!(await canConnect(external))) {
      throw new Error(`Cannot connect to DATABASE_URL (${redactUrl(external)}). Is the server running?`);
    }
    return { url: external, description: `PostgreSQL at ${redactUrl(external)}`, kind: 'external', stop: async () => {} };
  }

  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('EMBEDDED_PG_PORT must be a port number.');
  const dir = path.join(dataDir(), 'pg');

  const ours = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  if (await isPortTaken(port)) {
    // Reuse only this checkout's own server (its data folder), never another checkout's or another program's.
    const theirs = (await canConnect(ours)) ? await dataDirectoryOf(ours) : null;
    if (theirs && samePath(theirs, dir)) {
      const url = await ensureDatabase(ours, EMBEDDED_DB_NAME);
      return { url, description: `embedded PostgreSQL already running on 127.0.0.1:${port}`, kind: 'reused', stop: async () => {} };
    }
    throw new Error(
      `Port ${port} is taken by ${theirs ? `another PostgreSQL (its data is in ${theirs})` : 'another program'}, not this checkout's database (${dir}). ` +
        'Stop it, or choose another port for this checkout: EMBEDDED_PG_PORT=54339 npm start.',
    );
  }

  log(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), dir) || dir})...`);
  let server = await startEmbeddedPostgres({ dataDir: dir, port, persistent: true });
  const url = await ensureDatabase(server.adminUrl, EMBEDDED_DB_NAME);
  return {
    url,
    description: `embedded PostgreSQL on 127.0.0.1:${port}`,
    kind: 'embedded',
    exited: () => server.exited,
    async restart() {
      await server.stop();
      server = await startEmbeddedPostgres({ dataDir: dir, port, persistent: true });
    },
    stop: () => server.stop(),
  };
}
