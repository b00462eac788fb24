import postgres from 'postgres';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function withAdmin<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(withDatabase(url, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates `name` on the server of `serverUrl` unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await withAdmin(serverUrl, async (sql) => {
    const [row] = await sql`select 1 as found from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  });
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (sql) => sql.unsafe(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`));
}

/** A fresh, uniquely named database, so concurrent test runs never share one. */
export async function createIsolatedDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  return { name, url: await ensureDatabase(serverUrl, name) };
}

/** Where the server at `url` keeps its data (`SHOW data_directory`; superusers only), or null when it will not say. */
export async function dataDirectoryOf(url: string): Promise<string | null> {
  try {
    return await withAdmin(url, async (sql) => {
      const [row] = await sql<{ data_directory: string }[]>`show data_directory`;
      return row?.data_directory ?? null;
    });
  } catch {
    return null;
  }
}

export async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}
