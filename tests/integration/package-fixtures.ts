import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { expect, inject } from 'vitest';
import { api } from './api';
import type { TestUser } from './booking-fixtures';
import { testSql } from './db';
import { emulatorStripe, tokenFor, waitFor } from './payment-fixtures';

/**
 * Packages are made through the admin API (what is under test); purchases are
 * paid through the emulator as Stripe.js would, and their outcome read back
 * from the database the webhook wrote to.
 */

export interface PackageBody {
  id: string;
  name: string;
  description: string;
  class_count: number;
  price: { amount: number; currency: string };
  price_per_class: { amount: number; currency: string };
  validity_days: number;
  platform_fee_bps: number;
  active: boolean;
  scope: { classes: string; class_ids: string[]; session_type_ids: string[] };
  created_at: string;
  updated_at: string;
}

export interface PurchaseStart {
  purchase_id: string;
  mode: 'payment_element';
  client_secret: string;
  payment_intent_id: string;
  amount: { amount: number; currency: string };
  currency: string;
  status: string;
}

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

let admin: { id: string; token: string } | undefined;

export async function adminToken(): Promise<string> {
  admin ??= await tokenFor('admin@wellbook.test');
  return admin.token;
}

export function uniquePackageName(tag = 'Pass'): string {
  return `${tag} ${randomUUID().slice(0, 8)}`;
}

/** A package made by the admin through POST /api/v1/packages (a 5-pass at £100 unless told otherwise). */
export async function makePackage(overrides: Record<string, unknown> = {}): Promise<PackageBody> {
  const res = await api<PackageBody>('/api/v1/packages', {
    json: { name: uniquePackageName(), class_count: 5, price: { amount: 10_000, currency: 'gbp' }, validity_days: 365, ...overrides },
    token: await adminToken(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function startPurchase(packageId: string, client: TestUser): Promise<PurchaseStart> {
  const res = await api<PurchaseStart>(`/api/v1/packages/${packageId}/purchase`, { method: 'POST', token: client.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function purchaseRow(id: string) {
  const [row] = await testSql()`select * from package_purchases where id = ${id}`;
  return row;
}

export async function creditsOfPurchase(purchaseId: string) {
  return testSql()`select * from credits where purchase_id = ${purchaseId}`;
}

export async function entriesOf(creditId: string) {
  return testSql()`select kind, delta, actor_id, reason from credit_entries where credit_id = ${creditId} order by id`;
}

/** Pays the purchase's PaymentIntent with 4242 and waits for the webhook's credit. */
export async function payPurchase(start: PurchaseStart) {
  await emulatorStripe().paymentIntents.confirm(start.payment_intent_id, { payment_method: 'pm_card_visa' });
  return waitForCredit(start.purchase_id);
}

export async function waitForCredit(purchaseId: string) {
  const rows = await waitFor(() => creditsOfPurchase(purchaseId), (r) => r.length > 0);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Every credit's remaining uses equal the sum of its ledger entries (the ledger's invariant); returns the credits that break it. */
export async function creditsOffLedger() {
  return testSql()`
    select c.id, c.remaining_uses, coalesce((select sum(delta) from credit_entries e where e.credit_id = c.id), 0)::int as ledger
    from credits c
    where c.remaining_uses <> coalesce((select sum(delta) from credit_entries e where e.credit_id = c.id), 0)`;
}

/** A Stripe event signed with the stack's webhook secret, as Stripe would send it (a fresh event id each time). */
export function signedEvent(type: string, object: Record<string, unknown>): { payload: string; header: string } {
  const payload = JSON.stringify({
    id: `evt_test_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
  const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret: inject('stripeWebhookSecret'), timestamp: Math.floor(Date.now() / 1000) });
  return { payload, header };
}

export function postWebhook(event: { payload: string; header: string }, server = 0): Promise<Response> {
  return fetch(`${inject('appUrls')[server]}/api/stripe/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': event.header },
    body: event.payload,
  });
}
