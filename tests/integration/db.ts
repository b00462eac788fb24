import postgres from 'postgres';
import { inject } from 'vitest';

let sql: postgres.Sql | undefined;

/** Direct SQL on this run's database, to check what the app stored. */
export function testSql(): postgres.Sql {
  sql ??= postgres(inject('databaseUrl'), { max: 2, onnotice: () => {} });
  return sql;
}

export async function countUsersWithEmail(email: string): Promise<number> {
  const [row] = await testSql()`select count(*)::int as n from users where email = ${email.toLowerCase()}`;
  return (row?.n as number) ?? 0;
}
