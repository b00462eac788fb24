import { describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { demoUsers, seedDemoData } from '@/db/seed';
import { testSql } from './fixtures';

describe('demo seed', () => {
  it('is idempotent: a second run adds nothing and changes nothing', async () => {
    const before = await testSql()`select email, name, role, password_hash from users where email like '%@wellbook.test' order by email`;
    const { sql, db } = connect(process.env.DATABASE_URL ?? '', 1);
    try {
      expect((await seedDemoData(db)).created).toBe(0);
    } finally {
      await sql.end();
    }
    const after = await testSql()`select email, name, role, password_hash from users where email like '%@wellbook.test' order by email`;
    expect(after).toEqual(before);
  });

  it('has an admin, three providers with profiles and three clients', async () => {
    const rows = await testSql()`
      select u.role, count(*)::int as n, count(p.user_id)::int as profiles
      from users u left join provider_profiles p on p.user_id = u.id
      where u.email like '%@wellbook.test' group by u.role order by u.role`;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { role: 'client', n: 3, profiles: 0 },
      { role: 'provider', n: 3, profiles: 3 },
      { role: 'admin', n: 1, profiles: 0 },
    ]);
    expect(demoUsers).toHaveLength(7);
  });
});
