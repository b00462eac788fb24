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
