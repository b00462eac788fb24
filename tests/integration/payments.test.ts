import { describe, expect, it } from 'vitest';
import {
  api,
  bookingOf,
  bookPricedClass,
  emulatorStripe,
  ledger,
  makeClient,
  makeProvider,
  payAndConfirm,
  paymentRow,
  paymentsOf,
  tokenFor,
  waitFor,
  type ErrorBody,
  type Payment,
} from './fixtures';
type R = { refund: { id: string; amount: { amount: number }; status: string } };

describe('card payment of a booking', () => {
  it('a priced class booking comes with its PaymentIntent, and asking again returns the same one', async () => {
    const { client, bookingId, payment } = await bookPricedClass(2500);
    expect(payment.client_secret).toMatch(/^pi_.+_secret_/);
    expect(payment.amount).toEqual({ amount: 2500, currency: 'gbp' });
    const row = await paymentRow(payment.payment_intent_id);
    expect(row).toMatchObject({ status: 'created', amount: 2500, fee_bps: 1500, fee_amount: 375, provider_amount: 2125, payable_id: bookingId });

    const again = await api<Payment>(`/api/v1/bookings/${bookingId}/payment`, { method: 'POST', token: client.token });
    expect(again.status).toBe(200);
    expect(again.body.payment_intent_id).toBe(payment.payment_intent_id);
    expect(again.body.client_secret).toBe(payment.client_secret);
    expect(await paymentsOf(bookingId)).toBe(1);
  });

  it("another client asking for the booking's payment gets 404", async () => {
    const { bookingId } = await bookPricedClass(1000);
    const other = await makeClient();
    expect((await api<ErrorBody>(`/api/v1/bookings/${bookingId}/payment`, { method: 'POST', token: other.token })).status).toBe(404);
  });

  it('paying with 4242 confirms the booking through the webhook, with exactly one ledger row', async () => {
    const { client, bookingId, payment } = await bookPricedClass(2500);
    await payAndConfirm(bookingId, payment, client.token);
    const booking = await bookingOf(bookingId, client.token);
    expect(booking).toMatchObject({ status: 'confirmed', payment_status: 'paid' });
    const row = await paymentRow(payment.payment_intent_id);
    expect(row).toMatchObject({ status: 'succeeded', card_brand: 'visa', card_last4: '4242' });
    expect(row?.receipt_url).toBeTruthy();
    expect(await ledger(payment.payment_intent_id)).toEqual([
      { type: 'single', stripe_object_id: row?.charge_id, gross: 2500, fee: 375, net: 2125 },
    ]);
    // Nothing left to pay: asking again is refused.
    expect((await api<ErrorBody>(`/api/v1/bookings/${bookingId}/payment`, { method: 'POST', token: client.token })).status).toBe(409);
  });

  it('a declined card keeps the hold and records the failure; a retry with 4242 succeeds', async () => {
    const { client, bookingId, payment } = await bookPricedClass(1800);
    const stripe = emulatorStripe();
    await expect(
      stripe.paymentIntents.confirm(payment.payment_intent_id, { payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds' }),
    ).rejects.toMatchObject({ type: 'StripeCardError', message: 'Your card has insufficient funds.' });
    const failed = await waitFor(() => paymentRow(payment.payment_intent_id), (p) => p?.status === 'failed');
    expect(failed).toMatchObject({ status: 'failed', failure_code: 'insufficient_funds', failure_message: 'Your card has insufficient funds.' });
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');

    await payAndConfirm(bookingId, payment, client.token);
    expect(await paymentRow(payment.payment_intent_id)).toMatchObject({ status: 'succeeded', failure_code: null });
    expect(await ledger(payment.payment_intent_id)).toHaveLength(1);
  });
});

describe('POST /api/v1/payments/:id/refund', () => {
  it('an admin refunds in part, then the rest; the ledger follows and an over-refund is refused', async () => {
    const { client, bookingId, payment } = await bookPricedClass(2000);
    await payAndConfirm(bookingId, payment, client.token);
    const admin = await tokenFor('admin@wellbook.test');
    const pi = payment.payment_intent_id;

    const part = await api<R>(`/api/v1/payments/${pi}/refund`, { json: { amount: 500, reason: 'Late start' }, token: admin.token });
    expect(part.status).toBe(201);
    expect(part.body.refund.amount.amount).toBe(500);
    expect(await paymentRow(pi)).toMatchObject({ status: 'partially_refunded', refunded_amount: 500 });
    expect((await bookingOf(bookingId, client.token)).payment_status).toBe('partially_refunded');

    const over = await api<ErrorBody>(`/api/v1/payments/${pi}/refund`, { json: { amount: 1600, reason: 'Too much' }, token: admin.token });
    expect(over.status).toBe(422);
    expect(over.body.error.message).toMatch(/more than what remains/);
    expect(over.body.error.fields).toHaveProperty('amount');

    const rest = await api<R>(`/api/v1/payments/${pi}/refund`, { json: { reason: 'Class cancelled' }, token: admin.token });
    expect(rest.status).toBe(201);
    expect(rest.body.refund.amount.amount).toBe(1500);
    expect(await paymentRow(pi)).toMatchObject({ status: 'refunded', refunded_amount: 2000 });
    expect((await bookingOf(bookingId, client.token)).payment_status).toBe('refunded');

    const rows = await ledger(pi);
    const refundsRows = rows.filter((r) => r.type === 'refund');
    expect(refundsRows).toHaveLength(2);
    expect(refundsRows.reduce((s, r) => s + (r.gross as number), 0)).toBe(-2000);
    // Fee and provider share reduced in proportion: 15% of 500 and of 1500.
    expect(refundsRows.map((r) => r.fee)).toEqual([-75, -225]);
    expect(rows.reduce((s, r) => s + (r.net as number), 0)).toBe(0);

    // Nothing left: the payment is refunded, so a further refund is refused.
    const again = await api<ErrorBody>(`/api/v1/payments/${pi}/refund`, { json: { amount: 1, reason: 'More' }, token: admin.token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
  });

  it("a provider refunding another provider's payment gets 404; a client 403", async () => {
    const { client, bookingId, payment } = await bookPricedClass(1200);
    await payAndConfirm(bookingId, payment, client.token);
    const stranger = await makeProvider();
    const res = await api<ErrorBody>(`/api/v1/payments/${payment.payment_intent_id}/refund`, { json: { reason: 'x' }, token: stranger.token });
    expect(res.status).toBe(404);
    expect((await api(`/api/v1/payments/${payment.payment_intent_id}/refund`, { json: { reason: 'x' }, token: client.token })).status).toBe(403);
    expect(await paymentRow(payment.payment_intent_id)).toMatchObject({ status: 'succeeded', refunded_amount: 0 });
  });

  it('the provider of the class may refund it', async () => {
    const { client, bookingId, payment } = await bookPricedClass(1000);
    await payAndConfirm(bookingId, payment, client.token);
    const maya = await tokenFor('maya@wellbook.test');
    const res = await api<R>(`/api/v1/payments/${payment.payment_intent_id}/refund`, { json: { amount: 300, reason: 'Goodwill' }, token: maya.token });
    expect(res.status).toBe(201);
  });
});

describe('cancelling a paid booking in time', () => {
  it('refunds the card in full: the emulator holds the refund and the payment is refunded', async () => {
    const { client, bookingId, payment } = await bookPricedClass(3000);
    await payAndConfirm(bookingId, payment, client.token);
    const res = await api<{ booking: { status: string; refund_due: string; payment_status: string } }>(`/api/v1/bookings/${bookingId}/cancel`, {
      json: { reason: 'Cannot come' },
      token: client.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ status: 'cancelled', refund_due: 'full', payment_status: 'refunded' });
    const list = await emulatorStripe().refunds.list({ payment_intent: payment.payment_intent_id });
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ amount: 3000, status: 'succeeded' });
    expect(await paymentRow(payment.payment_intent_id)).toMatchObject({ status: 'refunded', refunded_amount: 3000 });
  });
});
