import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { api } from './api';
import { testSql } from './db';
import { emulatorStripe, tokenFor } from './payment-fixtures';

/** Integration API helpers: admin-made API keys, packages, and PaymentIntents paid outside the app. */

export interface CreatedKey {
  key: string;
  api_key: { id: string; name: string; prefix: string; status: string; created_at: string; last_used_at: string | null; revoked_at: string | null };
}

let admin: string | undefined;

/** A bearer token of the seeded admin. */
export async function adminToken(): Promise<string> {
  admin ??= (await tokenFor('admin@wellbook.test')).token;
  return admin;
}

export async function createKey(name = `Payment system ${randomUUID().slice(0, 6)}`): Promise<CreatedKey> {
  const res = await api<CreatedKey>('/api/v1/api-keys', { json: { name }, token: await adminToken() });
  expect(res.status).toBe(201);
  return res.body;
}

/** A well-formed key that no admin ever made. */
export function unknownKey(): string {
  return `wbk_${randomBytes(32).toString('base64url')}`;
}

/** A class package straight in the database (what is under test is the integration API, not package admin). */
export async function makePackage(options: { price?: number; classCount?: number; validityDays?: number; feeBps?: number } = {}): Promise<{ id: string; price: number; classCount: number; feeBps: number }> {
  const price = options.price ?? 10_000;
  const classCount = options.classCount ?? 5;
  const feeBps = options.feeBps ?? 1500;
  const [row] = await testSql()`
    insert into class_packages (name, class_count, price_amount, currency, validity_days, fee_bps)
    values (${`Pass ${randomUUID().slice(0, 8)}`}, ${classCount}, ${price}, 'gbp', ${options.validityDays ?? 365}, ${feeBps})
    returning id`;
  return { id: row?.id as string, price, classCount, feeBps };
}

/** A PaymentIntent made and (unless `paid: false`) paid with a test card in the emulator, as an outside payment system would. */
export async function externalPaymentIntent(amount: number, options: { paid?: boolean; metadata?: Record<string, string> } = {}): Promise<string> {
  const stripe = emulatorStripe();
  const pi = await stripe.paymentIntents.create({ amount, currency: 'gbp', automatic_payment_methods: { enabled: true }, metadata: options.metadata ?? {} });
  if (options.paid !== false) {
    const confirmed = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');
  }
  return pi.id;
}

export async function keyCalls(apiKeyId: string) {
  return testSql()`select method, path, status from api_key_calls where api_key_id = ${apiKeyId} order by id`;
}

/** Calls made with keys that matched no key, since `since`. */
export async function unknownKeyCalls(since: Date) {
  return testSql()`select method, path, status from api_key_calls where api_key_id is null and created_at >= ${since} order by id`;
}

export async function creditRow(id: string) {
  const [row] = await testSql()`select * from credits where id = ${id}`;
  return row;
}

export async function creditEntriesOf(creditId: string) {
  return testSql()`select kind, delta, booking_id, actor_id, api_key_id from credit_entries where credit_id = ${creditId} order by id`;
}

/** Asserts the API's error shape and returns the body. */
export function expectErrorShape(body: unknown): { error: { code: string; message: string; fields?: Record<string, string[]> } } {
  const b = body as { error?: { code?: unknown; message?: unknown } };
  expect(typeof b?.error?.code).toBe('string');
  expect(typeof b?.error?.message).toBe('string');
  return body as { error: { code: string; message: string; fields?: Record<string, string[]> } };
}
