import { afterEach, describe, expect, it } from 'vitest';
import {
  activeBookingsInClass,
  bookingOf,
  bookPricedClass,
  emulatorControl,
  emulatorStripe,
  ledger,
  paymentRow,
  postWebhook,
  settledDeliveries,
  signedEvent,
  testSql,
  waitFor,
} from './fixtures';

async function eventRows(id: string): Promise<number> {
  const [row] = await testSql()`select count(*)::int as n from stripe_events where id = ${id}`;
  return row?.n as number;
}

afterEach(async () => {
  await emulatorControl('/chaos/clear', {});
});

describe('POST /api/stripe/webhook: signatures', () => {
  it('refuses a forged signature (wrong secret) with 400 and no effect', async () => {
    const { bookingId, client, payment } = await bookPricedClass(1500);
    const event = signedEvent('payment_intent.succeeded', { id: payment.payment_intent_id, object: 'payment_intent' }, { secret: 'whsec_forged' });
    const res = await postWebhook(event.payload, event.header);
    expect(res.status).toBe(400);
    expect(await eventRows(event.id)).toBe(0);
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');
    expect(await paymentRow(payment.payment_intent_id)).toMatchObject({ status: 'created' });
  });

  it('refuses a 10-minute-old signature and a missing one with 400', async () => {
    const { payment } = await bookPricedClass(1500);
    const old = signedEvent('payment_intent.succeeded', { id: payment.payment_intent_id, object: 'payment_intent' }, { ageSeconds: 600 });
    expect((await postWebhook(old.payload, old.header)).status).toBe(400);
    expect(await eventRows(old.id)).toBe(0);
    expect((await postWebhook(old.payload)).status).toBe(400);
  });

  it('refuses a body changed after signing', async () => {
    const event = signedEvent('payment_intent.succeeded', { id: 'pi_x', object: 'payment_intent' });
    expect((await postWebhook(event.payload.replace('pi_x', 'pi_y'), event.header)).status).toBe(400);
  });

  it('answers 200 to an event type it does not handle', async () => {
    const event = signedEvent('customer.subscription.trial_will_end', { id: 'sub_1', object: 'subscription' });
    const res = await postWebhook(event.payload, event.header);
    expect(res.status).toBe(200);
  });

  it('handles a valid event once: a replay of the same event id does nothing', async () => {
    const { payment } = await bookPricedClass(1500);
    const event = signedEvent('payment_intent.processing', { id: payment.payment_intent_id, object: 'payment_intent' });
    const first = await postWebhook(event.payload, event.header);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { outcome: string }).outcome).toBe('handled');
    const second = await postWebhook(event.payload, event.header);
    expect(((await second.json()) as { outcome: string }).outcome).toBe('duplicate');
    expect(await eventRows(event.id)).toBe(1);
  });
});

describe('exactly once under duplicates, reordering and delay', () => {
  it('confirms each payment once, one ledger row per charge, each event id stored once', async () => {
    const bookings = await Promise.all([bookPricedClass(1100), bookPricedClass(1200), bookPricedClass(1300)]);
    await emulatorControl('/chaos', { mode: 'duplicate', count: 10 });
    await emulatorControl('/chaos', { mode: 'reorder', count: 10, windowMs: 400 });
    await emulatorControl('/chaos', { mode: 'delay', count: 10, delayMs: 300 });
    const sdk = emulatorStripe();
    for (const b of bookings) await sdk.paymentIntents.confirm(b.payment.payment_intent_id, { payment_method: 'pm_card_visa' });

    for (const b of bookings) {
      const booking = await waitFor(() => bookingOf(b.bookingId, b.client.token), (x) => x.status === 'confirmed', 20_000);
      expect(booking).toMatchObject({ status: 'confirmed', payment_status: 'paid' });
    }
    // Only this test's events: other files' payments may still have deliveries in flight.
    const ours = new Set(bookings.map((b) => b.payment.payment_intent_id));
    const events = await sdk.events.list({ type: 'payment_intent.succeeded', limit: 100 });
    const ids = events.data.filter((e) => ours.has((e.data.object as { id: string }).id)).map((e) => e.id);
    expect(ids).toHaveLength(bookings.length);
    expect(new Set(ids).size).toBe(bookings.length);

    // Every copy has reached the app and been answered before anything is counted.
    const deliveries = await settledDeliveries(ids);
    // The chaos did send copies: each event was delivered more than once, and every copy was answered 2xx.
    expect(deliveries.length).toBeGreaterThan(ids.length);
    for (const id of ids) {
      const copies = deliveries.filter((d) => d.event_id === id);
      expect(copies.length, `deliveries of ${id}`).toBeGreaterThan(1);
      expect(copies.map((d) => d.status), `deliveries of ${id}`).toEqual(copies.map(() => 'succeeded'));
    }

    // ...and the app's effect happened once per payment.
    for (const b of bookings) {
      const pi = b.payment.payment_intent_id;
      const row = await paymentRow(pi);
      expect(row?.status).toBe('succeeded');
      expect(row?.refunded_amount).toBe(0);
      expect(await ledger(pi)).toEqual([
        { type: 'single', stripe_object_id: row?.charge_id, gross: b.payment.amount.amount, fee: expect.any(Number), net: expect.any(Number) },
      ]);
      // Confirmed once: one active booking holding one seat, and nothing refunded as a second, unwanted payment.
      expect(await bookingOf(b.bookingId, b.client.token)).toMatchObject({ status: 'confirmed', payment_status: 'paid' });
      expect(await activeBookingsInClass(b.classId)).toEqual({ active: 1, seatsTaken: 1 });
      expect((await sdk.refunds.list({ payment_intent: pi })).data).toEqual([]);
    }
    // Each event id was recorded exactly once: as many rows as distinct events, one each.
    for (const id of ids) await waitFor(() => eventRows(id), (n) => n === 1, 10_000);
    for (const id of ids) expect(await eventRows(id)).toBe(1);
    const [stored] = await testSql()`select count(*)::int as n from stripe_events where id = any(${ids})`;
    expect(stored?.n).toBe(new Set(ids).size);
  });
});
