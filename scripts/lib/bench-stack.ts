import postgres from 'postgres';
import { TEST_QUESTIONNAIRE_KEY, startStack, type Stack } from '../../tests/support/stack';

export interface BenchContext {
  stack: Stack;
  /** The first app server's base URL. */
  base: string;
  /** Direct SQL on the bench's database, for setting up data. */
  sql: postgres.Sql;
}

/**
 * Runs a benchmark against the production build (run `npm run build` first):
 * a fresh, migrated and seeded database of its own (an embedded PostgreSQL,
 * or the server of DATABASE_URL) and one `next start` process, all stopped
 * afterwards. lib/ code called in-process reaches the same database.
 */
export async function withBenchStack<T>(run: (ctx: BenchContext) => Promise<T>, options: { nodeArgs?: string[] } = {}): Promise<T> {
  process.env.QUESTIONNAIRE_KEY ??= TEST_QUESTIONNAIRE_KEY;
  process.env.AUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret';
  const serverUrl = process.env.DATABASE_URL;
  // BENCH_CPU_PROF=<folder>: the app server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const stack = await startStack({ seed: true, nodeArgs: [...profile, ...(options.nodeArgs ?? [])] });
  process.env.DATABASE_URL = stack.databaseUrl;
  const sql = postgres(stack.databaseUrl, { max: 4, onnotice: () => {} });
  try {
    return await run({ stack, base: stack.appUrls[0] ?? '', sql });
  } finally {
    await sql.end();
    const { closeDb } = await import('../../db/client');
    await closeDb();
    await stack.stop();
    // A next stack starts from the same server (or a new embedded one), not this run's database.
    if (serverUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = serverUrl;
  }
}
