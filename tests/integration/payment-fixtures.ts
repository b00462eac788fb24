import Stripe from 'stripe';
import { expect, inject } from 'vitest';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { api } from './api';
import { makeClass, makeClient, type TestUser } from './booking-fixtures';
import { testSql } from './db';

/** The SDK pointed at the stack's emulator, as a browser or a test would reach Stripe. */
export function emulatorStripe(): Stripe {
  const url = new URL(inject('stripeUrl'));
  return new Stripe('sk_test_x', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
}

export async function emulatorControl(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${inject('stripeUrl')}/_emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
  return res.json();
}

export interface Payment {
  client_secret: string;
  payment_intent_id: string;
  amount: { amount: number; currency: string };
  status: string;
}
export type BookingBody = { booking: { id: string; status: string; payment_status: string }; payment: Payment | null };

/** A client and a pending_payment booking of a priced class, with its payment. */
export async function bookPricedClass(price = 2500, client?: TestUser): Promise<{ client: TestUser; classId: string; bookingId: string; payment: Payment }> {
  const who = client ?? (await makeClient());
  const classId = await makeClass({ capacity: 10, price });
  const res = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: who.token });
  expect(res.status).toBe(201);
  expect(res.body.booking.status).toBe('pending_payment');
  expect(res.body.payment).not.toBeNull();
  return { client: who, classId, bookingId: res.body.booking.id, payment: res.body.payment as Payment };
}

/** One attempt history of sending one event to the app, as the emulator's control API lists it. */
export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed' | 'dropped';
  attempts: { at: number; status: number | null; error?: string }[];
}

export async function deliveriesOf(eventId: string): Promise<Delivery[]> {
  return ((await emulatorControl(`/deliveries?event_id=${encodeURIComponent(eventId)}`)) as { data: Delivery[] }).data;
}

/** Waits until every delivery of these events (copies and resends included) has had its outcome, then returns them all. */
export async function settledDeliveries(eventIds: string[], timeoutMs = 20_000): Promise<Delivery[]> {
  const all = await waitFor(
    async () => (await Promise.all(eventIds.map(deliveriesOf))).flat(),
    (ds) => eventIds.every((id) => ds.some((d) => d.event_id === id)) && ds.every((d) => d.status !== 'pending'),
    timeoutMs,
  );
  expect(all.filter((d) => d.status === 'pending'), 'deliveries still pending').toEqual([]);
  return all;
}

export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function bookingOf(id: string, token: string): Promise<BookingBody['booking']> {
  return (await api<BookingBody>(`/api/v1/bookings/${id}`, { token })).body.booking;
}

export async function paymentRow(piId: string) {
  const [row] = await testSql()`select * from payments where id = ${piId}`;
  return row;
}

export async function ledger(piId: string) {
  return testSql()`select type, stripe_object_id, gross, fee, net from payment_transactions where payment_id = ${piId} order by id`;
}

/** Pays with a test card (through the emulator's API, as Stripe.js would) and waits for the webhook to confirm. */
export async function payAndConfirm(bookingId: string, payment: Payment, token: string): Promise<void> {
  await emulatorStripe().paymentIntents.confirm(payment.payment_intent_id, { payment_method: 'pm_card_visa' });
  const booking = await waitFor(() => bookingOf(bookingId, token), (b) => b.status === 'confirmed');
  expect(booking.status).toBe('confirmed');
  await waitFor(() => paymentRow(payment.payment_intent_id), (p) => p?.status === 'succeeded');
}

export async function tokenFor(email: string): Promise<{ id: string; token: string }> {
  const [row] = await testSql()`select id from users where email = ${email}`;
  const id = row?.id as string;
  return { id, token: (await issueApiToken(id)).token };
}
