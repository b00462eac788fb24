import { afterEach, describe, expect, it } from 'vitest';
import {
  adminToken,
  api,
  bookingOf,
  bookPricedClass,
  emulatorControl,
  emulatorStripe,
  expectErrorShape,
  insertProvider,
  ledger,
  makeClient,
  paymentRow,
  payAndConfirm,
  postWebhook,
  settledDeliveries,
  signedEvent,
  testSql,
  waitFor,
} from './fixtures';

interface WebhookEvent {
  id: string;
  type: string;
  outcome: string;
  error: string | null;
  delivery_count: number;
  replay_count: number;
  payload?: { id: string; type: string };
}

afterEach(async () => {
  await emulatorControl('/chaos/clear', {});
});

/** The emulator's event of this type for this PaymentIntent. */
async function stripeEventFor(type: string, paymentIntentId: string): Promise<string> {
  const found = await waitFor(
    async () => (await emulatorStripe().events.list({ type, limit: 100 })).data.find((e) => (e.data.object as { id?: string }).id === paymentIntentId),
    (e) => e !== undefined,
  );
  return found!.id;
}

async function webhookEvent(id: string, token: string): Promise<WebhookEvent> {
  const res = await api<{ webhook_event: WebhookEvent }>(`/api/v1/webhook-events/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body.webhook_event;
}

async function auditOf(action: string, subjectId: string) {
  return testSql()`select actor_id, actor_role, before, after from audit_log where action = ${action} and subject_id = ${subjectId} order by at`;
}

describe('the webhook monitor', () => {
  it('lists every verified event with its outcome and deliveries; a replay of a handled event changes nothing and is recorded as a duplicate', async () => {
    const admin = await adminToken();
    const { bookingId, client, payment } = await bookPricedClass(1700);
    await payAndConfirm(bookingId, payment, client.token);
    const eventId = await stripeEventFor('payment_intent.succeeded', payment.payment_intent_id);
    await settledDeliveries([eventId]);

    const received = await waitFor(() => webhookEvent(eventId, admin), (e) => e.outcome === 'handled');
    expect(received).toMatchObject({ id: eventId, type: 'payment_intent.succeeded', outcome: 'handled', error: null, delivery_count: 1, replay_count: 0 });
    expect(received.payload).toMatchObject({ id: eventId, type: 'payment_intent.succeeded' });

    const listed = await api<{ webhook_events: WebhookEvent[]; total: number }>('/api/v1/webhook-events?type=payment_intent.&outcome=handled&page_size=100', { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.webhook_events.map((e) => e.id)).toContain(eventId);
    expect(listed.body.webhook_events.every((e) => e.type.startsWith('payment_intent.') && e.outcome === 'handled')).toBe(true);
    expect(listed.body.webhook_events[0]).not.toHaveProperty('payload');

    const ledgerBefore = await ledger(payment.payment_intent_id);
    const replay = await api<{ outcome: string; webhook_event: WebhookEvent }>(`/api/v1/webhook-events/${eventId}/replay`, { method: 'POST', token: admin });
    expect(replay.status).toBe(200);
    expect(replay.body.outcome).toBe('duplicate');
    expect(replay.body.webhook_event).toMatchObject({ outcome: 'handled', replay_count: 1 });
    expect(await ledger(payment.payment_intent_id)).toEqual(ledgerBefore);
    expect(ledgerBefore.map((r) => r.type)).toEqual(['single']);
    expect((await bookingOf(bookingId, client.token)).status).toBe('confirmed');
    const [audit] = await auditOf('webhook.replayed', eventId);
    expect(audit).toMatchObject({ actor_role: 'admin', after: { outcome: 'duplicate' } });

    // Each replay is audited on its own.
    const again = await api<{ outcome: string }>(`/api/v1/webhook-events/${eventId}/replay`, { method: 'POST', token: admin });
    expect(again.body.outcome).toBe('duplicate');
    expect(await auditOf('webhook.replayed', eventId)).toHaveLength(2);
  });

  it('records a failed event with its error, counts each delivery, and a replay that fails again says so', async () => {
    const admin = await adminToken();
    // A Checkout Session Stripe does not have: the handler's read of it fails.
    const event = signedEvent('checkout.session.completed', { id: 'cs_test_missing', object: 'checkout.session' });
    const res = await postWebhook(event.payload, event.header);
    expect(res.status).toBe(500);
    const failed = await webhookEvent(event.id, admin);
    expect(failed).toMatchObject({ outcome: 'failed', delivery_count: 1 });
    expect(failed.error).toMatch(/cs_test_missing|No such/i);
    const failedList = await api<{ webhook_events: WebhookEvent[] }>('/api/v1/webhook-events?outcome=failed&page_size=100', { token: admin });
    expect(failedList.body.webhook_events.map((e) => e.id)).toContain(event.id);
    expect((await postWebhook(event.payload, event.header)).status).toBe(500);
    expect((await webhookEvent(event.id, admin)).delivery_count).toBe(2);

    const replay = await api<{ outcome: string; error: string | null }>(`/api/v1/webhook-events/${event.id}/replay`, { method: 'POST', token: admin });
    expect(replay.status).toBe(200);
    expect(replay.body.outcome).toBe('failed');
    expect(replay.body.error).toBeTruthy();
    expect(await testSql()`select 1 from stripe_events where id = ${event.id}`).toHaveLength(0);
  });

  it('after the emulator loses every delivery of a payment, a backfill confirms the booking exactly once', async () => {
    const admin = await adminToken();
    const since = new Date(Date.now() - 2_000).toISOString();
    const { bookingId, client, payment } = await bookPricedClass(2300);
    await emulatorControl('/chaos', { mode: 'lose', count: 20 });
    await emulatorStripe().paymentIntents.confirm(payment.payment_intent_id, { payment_method: 'pm_card_visa' });
    const eventId = await stripeEventFor('payment_intent.succeeded', payment.payment_intent_id);
    await settledDeliveries([eventId]);
    await emulatorControl('/chaos/clear', {});
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');
    expect((await api(`/api/v1/webhook-events/${eventId}`, { token: admin })).status).toBe(404);

    const backfill = await api<{ listed: number; handled: number; failed: number; already_received: number }>('/api/v1/webhook-events/backfill', {
      json: { since },
      token: admin,
    });
    expect(backfill.status).toBe(200);
    expect(backfill.body.handled).toBeGreaterThanOrEqual(1);
    expect(backfill.body.failed).toBe(0);
    expect((await bookingOf(bookingId, client.token)).status).toBe('confirmed');
    expect(await paymentRow(payment.payment_intent_id)).toMatchObject({ status: 'succeeded' });
    expect((await ledger(payment.payment_intent_id)).map((r) => r.type)).toEqual(['single']);
    const found = await webhookEvent(eventId, admin);
    expect(found).toMatchObject({ outcome: 'handled', delivery_count: 0 });
    expect(await auditOf('webhook.backfilled', new Date(since).toISOString())).toHaveLength(1);

    // A second backfill finds nothing left to do.
    const second = await api<{ handled: number; already_received: number }>('/api/v1/webhook-events/backfill', { json: { since }, token: admin });
    expect(second.body.handled).toBe(0);
    expect(second.body.already_received).toBeGreaterThanOrEqual(backfill.body.handled);
    expect((await ledger(payment.payment_intent_id)).map((r) => r.type)).toEqual(['single']);
  });

  it('refuses clients and providers on every route, and bad input with 400', async () => {
    const admin = await adminToken();
    const client = await makeClient();
    const provider = await insertProvider();
    for (const token of [client.token, provider.token]) {
      expect((await api('/api/v1/webhook-events', { token })).status).toBe(403);
      expect((await api('/api/v1/webhook-events/evt_x', { token })).status).toBe(403);
      expect((await api('/api/v1/webhook-events/evt_x/replay', { method: 'POST', token })).status).toBe(403);
      expect((await api('/api/v1/webhook-events/backfill', { json: { since: new Date().toISOString() }, token })).status).toBe(403);
      expect((await api('/api/v1/audit', { token })).status).toBe(403);
    }
    expect((await api('/api/v1/webhook-events')).status).toBe(401);
    const badOutcome = await api('/api/v1/webhook-events?outcome=maybe', { token: admin });
    expect(badOutcome.status).toBe(400);
    expectErrorShape(badOutcome.body);
    const badSince = await api('/api/v1/webhook-events/backfill', { json: { since: 'yesterday' }, token: admin });
    expect(badSince.status).toBe(400);
    expect(Object.keys(expectErrorShape(badSince.body).error.fields ?? {})).toEqual(['since']);
    expect((await api('/api/v1/webhook-events/evt_nope', { token: admin })).status).toBe(404);
    expect((await api('/api/v1/webhook-events/evt_nope/replay', { method: 'POST', token: admin })).status).toBe(404);
  });
});
