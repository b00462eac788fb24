import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle, or the database itself where no transaction is needed. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

interface Connection {
  sql: postgres.Sql;
  db: Database;
}

// One pool per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { __dbConnection?: Connection };

export function connect(url: string, max: number): Connection {
  const sql = postgres(url, {
    max,
    // Notices (e.g. "relation already exists, skipping") are noise in our logs.
    onnotice: () => {},
    connection: { application_name: 'wellbook' },
    // postgres-js waits up to 20 s (3^n / 100 s) before reconnecting after failed attempts: queries made while the
    // database was down then hung, and the pool came back that long after it. At most 1 s between attempts.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2),
  });
  return { sql, db: drizzle(sql, { schema }) };
}

function connection(): Connection {
  globalForDb.__dbConnection ??= connect(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  return globalForDb.__dbConnection;
}

/** The app's Drizzle database, connected on first use. */
export function getDb(): Database {
  return connection().db;
}

export function getSql(): postgres.Sql {
  return connection().sql;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.__dbConnection;
  globalForDb.__dbConnection = undefined;
  await current?.sql.end({ timeout: 5 });
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/**
 * The database cannot be reached or is shutting down: postgres-js's connection
 * errors, PostgreSQL's class 08, 57P01-57P03 and 53300, or a terminated
 * connection's message, through Drizzle's wrapping (`cause`). The API answers
 * these with a 503; the worker rides them out.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNREACHABLE.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300')) return true;
    if (typeof message === 'string' && /Connection terminated|terminating connection/i.test(message)) return true;
  }
  return false;
}
