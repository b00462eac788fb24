import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bookingOf, bookPricedClass, deliveriesOf, emulatorControl, emulatorStripe, ledger, paymentRow, settledDeliveries, testSql, waitFor } from './fixtures';

/**
 * A Stripe event's database effect commits in one transaction with its
 * stripe_events row, or not at all. The fault is real: a trigger makes
 * PostgreSQL refuse the ledger insert (the handler's second write, after the
 * payment row's update) for one chosen payment, so the handler throws midway.
 */

beforeAll(async () => {
  const sql = testSql();
  await sql`create table if not exists test_failing_payments (payment_id text primary key)`;
  await sql.unsafe(`
    create or replace function test_fail_ledger_insert() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from test_failing_payments where payment_id = new.payment_id) then
        raise exception 'injected failure for %', new.payment_id;
      end if;
      return new;
    end $$`);
  await sql`drop trigger if exists test_fail_ledger_insert on payment_transactions`;
  await sql`create trigger test_fail_ledger_insert before insert on payment_transactions for each row execute function test_fail_ledger_insert()`;
});

afterAll(async () => {
  const sql = testSql();
  await sql`drop trigger if exists test_fail_ledger_insert on payment_transactions`;
  await sql`drop function if exists test_fail_ledger_insert()`;
  await sql`drop table if exists test_failing_payments`;
});

async function succeededEventOf(paymentIntentId: string): Promise<string> {
  const events = await waitFor(
    () => emulatorStripe().events.list({ type: 'payment_intent.succeeded', limit: 100 }),
    (list) => list.data.some((e) => (e.data.object as { id: string }).id === paymentIntentId),
  );
  const event = events.data.find((e) => (e.data.object as { id: string }).id === paymentIntentId);
  if (!event) throw new Error(`no payment_intent.succeeded for ${paymentIntentId}`);
  return event.id;
}

async function eventRows(eventId: string): Promise<number> {
  const [row] = await testSql()`select count(*)::int as n from stripe_events where id = ${eventId}`;
  return row?.n as number;
}

describe('a webhook handler that fails midway', () => {
  it('leaves no trace, and the redelivered event confirms the booking once', async () => {
    const { bookingId, client, payment } = await bookPricedClass(1800);
    const pi = payment.payment_intent_id;
    await testSql()`insert into test_failing_payments (payment_id) values (${pi})`;

    await emulatorStripe().paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' });
    const eventId = await succeededEventOf(pi);
    // The app answered 500 (the emulator will retry): the handler ran and failed.
    await waitFor(() => deliveriesOf(eventId), (ds) => ds.some((d) => d.attempts.some((a) => a.status === 500)));

    // Nothing of the effect stayed: the payment row's update, the ledger row, the booking, the event record.
    expect(await paymentRow(pi)).toMatchObject({ status: 'created', charge_id: null, succeeded_at: null });
    expect(await ledger(pi)).toEqual([]);
    expect(await eventRows(eventId)).toBe(0);
    expect(await bookingOf(bookingId, client.token)).toMatchObject({ status: 'pending_payment', payment_status: 'pending' });

    // The fault is gone; the event is delivered again, five copies at once, besides the emulator's own retries.
    await testSql()`delete from test_failing_payments where payment_id = ${pi}`;
    await Promise.all(Array.from({ length: 5 }, () => emulatorControl(`/events/${eventId}/resend`, {})));
    const booking = await waitFor(() => bookingOf(bookingId, client.token), (b) => b.status === 'confirmed');
    expect(booking).toMatchObject({ status: 'confirmed', payment_status: 'paid' });
    const deliveries = await settledDeliveries([eventId]);

    const row = await paymentRow(pi);
    expect(row).toMatchObject({ status: 'succeeded' });
    expect(await ledger(pi)).toEqual([{ type: 'single', stripe_object_id: row?.charge_id, gross: 1800, fee: 270, net: 1530 }]);
    expect(await eventRows(eventId)).toBe(1);
    expect(deliveries.filter((d) => d.status === 'succeeded').length).toBeGreaterThan(1);
  });

  it('a payment that succeeds for a hold that ran out and whose seat was taken is refunded after the commit, once', async () => {
    const { bookingId, client, payment } = await bookPricedClass(1300);
    const pi = payment.payment_intent_id;
    // The hold runs out and the booking expires before the card is charged.
    await testSql()`update bookings set hold_expires_at = now() - interval '1 minute' where id = ${bookingId}`;
    await waitFor(() => bookingOf(bookingId, client.token), (b) => b.status === 'expired');
    // Its class has no seat left for it now.
    await testSql()`update classes set seats_taken = capacity where id = (select class_id from bookings where id = ${bookingId})`;
    await emulatorStripe().paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' });

    const refunded = await waitFor(() => paymentRow(pi), (p) => p?.status === 'refunded', 20_000);
    expect(refunded).toMatchObject({ status: 'refunded', refunded_amount: 1300 });
    expect(await bookingOf(bookingId, client.token)).toMatchObject({ status: 'expired' });
    const refunds = await emulatorStripe().refunds.list({ payment_intent: pi });
    expect(refunds.data).toHaveLength(1);
    expect((await ledger(pi)).map((r) => [r.type, r.gross])).toEqual([
      ['single', 1300],
      ['refund', -1300],
    ]);
    // The job ran once: redelivering the succeeded event makes no second refund.
    await emulatorControl(`/events/${await succeededEventOf(pi)}/resend`, {});
    await new Promise((r) => setTimeout(r, 1_500)); // proving something does NOT happen: give it time to.
    expect((await emulatorStripe().refunds.list({ payment_intent: pi })).data).toHaveLength(1);
    expect((await api(`/api/v1/payments/${pi}`, { token: client.token })).body).toMatchObject({ payment: { status: 'refunded' } });
  });
});
