import { describe, expect, it } from 'vitest';
import {
  activeBookingsInClass,
  bookWithCredit,
  entriesOf,
  expectLedgerConsistent,
  grantCredit,
  ledgerBalances,
  makeClass,
  makeClient,
  moveClock,
  remainingOf,
  testSql,
  waitFor,
} from './fixtures';

const DAY = 86_400_000;

/** `n` priced classes, each with room to spare: only the credit can run out. */
function pricedClasses(n: number, hoursAhead = 72): Promise<string[]> {
  return Promise.all(Array.from({ length: n }, () => makeClass({ capacity: 5, price: 1500, hoursAhead })));
}

async function useEntries(creditIds: string[]): Promise<number> {
  const [row] = await testSql()`select count(*)::int as n from credit_entries where credit_id = any(${creditIds}::uuid[]) and kind = 'use'`;
  return row?.n as number;
}

describe('credits under real concurrent requests', () => {
  it('ACCEPTANCE: 20 concurrent credit bookings by one client with 3 uses left -> exactly 3 bookings, 0 left, ledger consistent', async () => {
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 3 });
    const classIds = await pricedClasses(20);

    const results = await Promise.all(classIds.map((classId, i) => bookWithCredit(client.token, { class_id: classId }, i % 2)));

    const booked = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(booked).toHaveLength(3);
    for (const r of booked) {
      expect(r.body.booking).toMatchObject({ status: 'confirmed', payment_status: 'credit_used', payment_type: 'credit' });
      expect(r.body.payment).toBeNull();
    }
    expect(refused).toHaveLength(17);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ error: { code: 'credit_unavailable', message: expect.any(String) } });
    }
    expect(await remainingOf(credit.id)).toBe(0);
    await expectLedgerConsistent(client.id);
    expect(await useEntries([credit.id])).toBe(3);
    // Each use names a booking that exists and is confirmed; refused bookings left nothing behind.
    const [uses] = await testSql()`
      select count(*)::int as n from credit_entries e join bookings b on b.id = e.booking_id
       where e.credit_id = ${credit.id} and e.kind = 'use' and b.status = 'confirmed' and b.payment_status = 'credit_used'`;
    expect(uses?.n).toBe(3);
    const [bookings] = await testSql()`select count(*)::int as n from bookings where client_id = ${client.id}`;
    expect(bookings?.n).toBe(3);
    const seats = await Promise.all(classIds.map((id) => activeBookingsInClass(id)));
    expect(seats.reduce((sum, s) => sum + s.seatsTaken, 0)).toBe(3);
  });

  it('two credits (2 uses expiring sooner, 2 later): 20 concurrent -> exactly 4 bookings, both used up', async () => {
    const client = await makeClient();
    const later = await grantCredit(client.id, { uses: 2, validityDays: 60 });
    const sooner = await grantCredit(client.id, { uses: 2, validityDays: 10 });
    const classIds = await pricedClasses(20);

    const results = await Promise.all(classIds.map((classId, i) => bookWithCredit(client.token, { class_id: classId }, i % 2)));

    expect(results.filter((r) => r.status === 201)).toHaveLength(4);
    expect(results.filter((r) => r.status === 422 && r.body.error?.code === 'credit_unavailable')).toHaveLength(16);
    expect(await remainingOf(sooner.id)).toBe(0);
    expect(await remainingOf(later.id)).toBe(0);
    expect(await useEntries([sooner.id])).toBe(2);
    expect(await useEntries([later.id])).toBe(2);
    await expectLedgerConsistent(client.id);
  });

  it('the credit that expires first is used first', async () => {
    const client = await makeClient();
    // Granted first, so neither creation order nor id order explains the choice.
    const later = await grantCredit(client.id, { uses: 2, validityDays: 60 });
    const sooner = await grantCredit(client.id, { uses: 2, validityDays: 10 });
    const classIds = await pricedClasses(3);

    const ids: string[] = [];
    for (const classId of classIds) {
      const res = await bookWithCredit(client.token, { class_id: classId });
      expect(res.status).toBe(201);
      ids.push(res.body.booking.id);
    }
    const soonerUses = (await entriesOf(sooner.id)).filter((e) => e.kind === 'use').map((e) => e.booking_id);
    const laterUses = (await entriesOf(later.id)).filter((e) => e.kind === 'use').map((e) => e.booking_id);
    expect(soonerUses).toEqual([ids[0], ids[1]]);
    expect(laterUses).toEqual([ids[2]]);
    expect(await remainingOf(sooner.id)).toBe(0);
    expect(await remainingOf(later.id)).toBe(1);
    await expectLedgerConsistent(client.id);
  });
});

describe('an expired credit is never used', () => {
  it('ACCEPTANCE: with the clock moved past its expiry a credit pays for nothing, and its uses stay', async () => {
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 3, validityDays: 2 });
    const [one, ...ten] = await pricedClasses(11, 10 * 24);
    if (!one) throw new Error('no class');

    await moveClock(3 * DAY);
    try {
      const res = await bookWithCredit(client.token, { class_id: one });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('credit_unavailable');

      const results = await Promise.all(ten.map((classId, i) => bookWithCredit(client.token, { class_id: classId }, i % 2)));
      for (const r of results) {
        expect(r.status).toBe(422);
        expect(r.body.error.code).toBe('credit_unavailable');
      }
    } finally {
      await moveClock(0);
    }
    expect(await remainingOf(credit.id)).toBe(3);
    expect(await useEntries([credit.id])).toBe(0);
    const [bookings] = await testSql()`select count(*)::int as n from bookings where client_id = ${client.id}`;
    expect(bookings?.n).toBe(0);
    for (const classId of [one, ...ten]) expect(await activeBookingsInClass(classId)).toEqual({ active: 0, seatsTaken: 0 });
    await expectLedgerConsistent(client.id);

    // Back in its validity, the same credit pays: the refusals above were the expiry, nothing else.
    expect((await bookWithCredit(client.token, { class_id: one })).status).toBe(201);
    expect(await remainingOf(credit.id)).toBe(2);
  });

  it('the worker writes off what is left of an expired credit, once, and the ledger still adds up', async () => {
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 4, validityDays: 30 });
    const [classId] = await pricedClasses(1);
    expect((await bookWithCredit(client.token, { class_id: classId ?? '' })).status).toBe(201);
    await testSql()`update credits set expires_at = now() - interval '1 minute' where id = ${credit.id}`;

    const expired = await waitFor(
      async () => (await testSql()`select remaining_uses, expired_at from credits where id = ${credit.id}`)[0],
      (row) => row?.remaining_uses === 0 && row.expired_at !== null,
    );
    expect(expired).toMatchObject({ remaining_uses: 0, expired_at: expect.any(Date) });
    // A short fixed wait, on purpose: this proves the write-off is NOT repeated, so there is no state to poll for.
    // The worker sweeps every second here, so a couple more sweeps pass meanwhile.
    await new Promise((r) => setTimeout(r, 2_500));
    const entries = await entriesOf(credit.id);
    expect(entries.map((e) => [e.kind, e.delta])).toEqual([
      ['grant', 4],
      ['use', -1],
      ['expire', -3],
    ]);
    expect(entries[2]?.actor_id).toBeNull();
    expect(await ledgerBalances(client.id)).toEqual([{ id: credit.id, remaining: 0, ledger: 0 }]);
  });
});
