import { describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { demoUsers, seedDemoData } from '@/db/seed';
import { testSql } from './fixtures';

const PROVIDERS = ['maya@wellbook.test', 'sam@wellbook.test', 'tom@wellbook.test'];

/** What the seed wrote for the demo providers (other tests only add to them; a second seed must not). */
async function demoEarningCounts() {
  const [row] = await testSql()`
    select (select count(*)::int from earning_lines l join users u on u.id = l.provider_id where u.email in ${testSql()(PROVIDERS)}) as lines,
           (select count(*)::int from payments where id like 'pi_demo_%') as payments,
           (select count(*)::int from payouts p join users u on u.id = p.provider_id where u.email in ${testSql()(PROVIDERS)}) as payouts`;
  return row;
}

describe('demo seed', () => {
  it('is idempotent: a second run adds nothing and changes nothing', async () => {
    const before = await testSql()`select email, name, role, password_hash from users where email like '%@wellbook.test' order by email`;
    const earningsBefore = await demoEarningCounts();
    const { sql, db } = connect(process.env.DATABASE_URL ?? '', 1);
    try {
      expect((await seedDemoData(db)).created).toBe(0);
    } finally {
      await sql.end();
    }
    const after = await testSql()`select email, name, role, password_hash from users where email like '%@wellbook.test' order by email`;
    expect(after).toEqual(before);
    expect(await demoEarningCounts()).toEqual(earningsBefore);
  });

  it('has an admin, four providers with profiles (one in Nairobi) and four clients', async () => {
    const rows = await testSql()`
      select u.role, count(*)::int as n, count(p.user_id)::int as profiles
      from users u left join provider_profiles p on p.user_id = u.id
      where u.email like '%@wellbook.test' group by u.role order by u.role`;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { role: 'client', n: 4, profiles: 0 },
      { role: 'provider', n: 4, profiles: 4 },
      { role: 'admin', n: 1, profiles: 0 },
    ]);
    expect(demoUsers).toHaveLength(9);
  });

  it('gives every demo provider earnings: delivered sessions, one coming, and a manual payout already made', async () => {
    const rows = await testSql()`
      select u.email, l.state::text as state, count(*)::int as n
      from earning_lines l join users u on u.id = l.provider_id join bookings b on b.id = l.booking_id
      where u.email in ${testSql()(PROVIDERS)} and b.payment_ref like 'pi_demo_%'
      group by u.email, l.state order by u.email, l.state`;
    const states = (email: string) => Object.fromEntries(rows.filter((r) => r.email === email).map((r) => [r.state, r.n]));
    for (const email of PROVIDERS) {
      expect(states(email), email).toMatchObject({ pending: expect.any(Number), available: expect.any(Number) });
    }
    expect(states('tom@wellbook.test')).toMatchObject({ paid_out: 2, available: 1, pending: 1 });

    // Each line is a paid booking with its succeeded payment and ledger row; the past ones completed.
    const lines = await testSql()`
      select l.state::text as state, l.gross, l.fee, l.net, b.status::text as booking, b.payment_status::text as paid, b.starts_at,
             p.status::text as payment, p.amount, p.fee_amount, p.provider_amount, t.gross as ledger_gross
      from earning_lines l join bookings b on b.id = l.booking_id join payments p on p.id = l.payment_id
      join payment_transactions t on t.payment_id = p.id and t.type = 'single'
      where p.id like 'pi_demo_%'`;
    expect(lines.length).toBe(10);
    for (const line of lines) {
      expect(line).toMatchObject({ paid: 'paid', payment: 'succeeded', gross: line.amount, fee: line.fee_amount, net: line.provider_amount, ledger_gross: line.amount });
      expect(line.booking).toBe(line.state === 'pending' ? 'confirmed' : 'completed');
      expect((line.starts_at as Date) > new Date()).toBe(line.state === 'pending');
    }

    const payouts = await testSql()`
      select p.method::text as method, p.status::text as status, p.reference, p.amount, p.created_by is not null as by_admin,
             (select sum(net)::int from earning_lines where payout_id = p.id) as lines_net
      from payouts p join users u on u.id = p.provider_id where u.email = 'tom@wellbook.test' and p.reference like 'Bank transfer %'`;
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ method: 'manual', status: 'paid', by_admin: true, lines_net: payouts[0]?.amount });
  });

  it('keeps every total equal to the sum of its entries, and to the lines in that state', async () => {
    const rows = await testSql()`
      with entries as (select provider_id, currency, state, sum(amount)::int as amount from earning_entries group by 1, 2, 3),
           lines as (select provider_id, currency, state, sum(net)::int as amount from earning_lines where state <> 'reversed' group by 1, 2, 3)
      select coalesce(t.provider_id, e.provider_id) as provider_id, coalesce(t.state, e.state)::text as state,
             coalesce(t.amount, 0) as total, coalesce(e.amount, 0) as entries, coalesce(l.amount, 0) as lines
      from earning_totals t
      full join entries e on e.provider_id = t.provider_id and e.currency = t.currency and e.state = t.state
      left join lines l on l.provider_id = coalesce(t.provider_id, e.provider_id) and l.currency = coalesce(t.currency, e.currency) and l.state = coalesce(t.state, e.state)`;
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const row of rows) {
      expect(row.total, `${row.provider_id} ${row.state}`).toBe(row.entries);
      if (row.state !== 'reversed') expect(row.lines, `${row.provider_id} ${row.state}`).toBe(row.total);
    }
  });

  it('gives the demo clients a valid questionnaire, past and coming bookings and a credit; Dan has none of it', async () => {
    const rows = await testSql()`
      select u.email,
             (select count(*)::int from questionnaires q where q.user_id = u.id and q.superseded_at is null and q.expires_at > now() and not q.requires_clearance) as questionnaires,
             (select count(*)::int from bookings b where b.client_id = u.id and b.starts_at < now()) as past,
             (select count(*)::int from bookings b where b.client_id = u.id and b.starts_at > now() and b.status = 'confirmed') as coming,
             (select coalesce(sum(remaining_uses), 0)::int from credits c where c.client_id = u.id and c.expires_at > now()) as credit_uses
      from users u where u.role = 'client' and u.email like '%@wellbook.test' order by u.email`;
    const byEmail = Object.fromEntries(rows.map(({ email, ...r }) => [email as string, { ...r }]));
    for (const email of ['alice@wellbook.test', 'ben@wellbook.test', 'chloe@wellbook.test']) {
      expect(byEmail[email], email).toMatchObject({ questionnaires: 1, credit_uses: 5 });
      expect(byEmail[email]?.past, email).toBeGreaterThan(0);
      expect(byEmail[email]?.coming, email).toBeGreaterThan(0);
    }
    expect(byEmail['dan@wellbook.test']).toEqual({ questionnaires: 0, past: 0, coming: 0, credit_uses: 0 });
  });
});
