import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { api, appUrls } from './api';
import { testSql } from './db';
import { tokenFor } from './payment-fixtures';

/**
 * Credits for tests: granted through the admin route (what is under test is
 * how credits are used, so they are made the way an admin makes them), and
 * read back straight from the database to check the ledger.
 */

export type E = { error: { code: string; message: string; fields?: Record<string, string[]> } };

export interface CreditBody {
  id: string;
  client_id: string;
  package_id: string | null;
  package_name: string;
  total_classes: number;
  remaining_classes: number;
  expires_at: string;
  is_valid: boolean;
  state: string;
  scope: { classes: string; class_ids: string[]; session_type_ids: string[] };
}

export interface EntryBody {
  id: number;
  credit_id: string;
  kind: string;
  delta: number;
  booking_id: string | null;
  reason: string;
  actor: { type: 'user' | 'api_key'; id: string; name: string } | { type: 'system' };
}

export type BookedBody = {
  booking: { id: string; status: string; payment_status: string; payment_type: string | null; refund_due: string | null };
  payment: unknown;
};

let admin: Promise<{ id: string; token: string }> | undefined;

/** The seeded admin, with a bearer token (one per test file). */
export function adminUser(): Promise<{ id: string; token: string }> {
  admin ??= tokenFor('admin@wellbook.test');
  return admin;
}

/** A complimentary credit for a client, through POST /api/v1/clients/:id/credits. */
export async function grantCredit(clientId: string, options: { uses: number; validityDays?: number; packageId?: string; reason?: string }): Promise<CreditBody> {
  const res = await api<{ credit: CreditBody }>(`/api/v1/clients/${clientId}/credits`, {
    json: { uses: options.uses, validity_days: options.validityDays ?? 30, reason: options.reason ?? 'Test credit', ...(options.packageId ? { package_id: options.packageId } : {}) },
    token: (await adminUser()).token,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.credit;
}

/** A package written straight to the database, with the scope its credits will carry. */
export async function makePackage(options: { scope?: 'all' | 'selected' | 'none'; classIds?: string[]; sessionTypeIds?: string[]; classCount?: number; price?: number } = {}): Promise<string> {
  const [row] = await testSql()`
    insert into class_packages (name, class_count, price_amount, currency, validity_days, fee_bps, class_scope, class_ids, session_type_ids)
    values (${`Test pass ${randomUUID().slice(0, 8)}`}, ${options.classCount ?? 5}, ${options.price ?? 10_000}, 'gbp', 365, 1500,
            ${options.scope ?? 'all'}, ${options.classIds ?? []}::uuid[], ${options.sessionTypeIds ?? []}::uuid[])
    returning id`;
  return row?.id as string;
}

/** Books with a credit through the API. */
export function bookWithCredit(token: string, target: { class_id: string } | { session_type_id: string; provider_id: string; starts_at: string }, server = 0) {
  return api<BookedBody & E>('/api/v1/bookings', { json: { ...target, pay_with: 'credit' }, token, server });
}

export async function remainingOf(creditId: string): Promise<number> {
  const [row] = await testSql()`select remaining_uses from credits where id = ${creditId}`;
  return row?.remaining_uses as number;
}

/** Each of the client's credits: remaining uses as stored, and the sum of its ledger entries. */
export async function ledgerBalances(clientId: string): Promise<{ id: string; remaining: number; ledger: number }[]> {
  const rows = await testSql()`
    select c.id, c.remaining_uses as remaining,
           coalesce((select sum(e.delta) from credit_entries e where e.credit_id = c.id), 0)::int as ledger
      from credits c where c.client_id = ${clientId} order by c.created_at, c.id`;
  return rows.map((r) => ({ id: r.id as string, remaining: r.remaining as number, ledger: r.ledger as number }));
}

/** Asserts that every credit of the client holds exactly what its ledger adds up to. */
export async function expectLedgerConsistent(clientId: string): Promise<void> {
  const balances = await ledgerBalances(clientId);
  expect(balances.length).toBeGreaterThan(0);
  for (const b of balances) expect(b, `credit ${b.id}`).toMatchObject({ remaining: b.ledger });
}

export async function entriesOf(creditId: string): Promise<{ kind: string; delta: number; booking_id: string | null; actor_id: string | null; reason: string }[]> {
  const rows = await testSql()`select kind, delta, booking_id, actor_id, reason from credit_entries where credit_id = ${creditId} order by id`;
  return rows.map((r) => ({ kind: r.kind as string, delta: r.delta as number, booking_id: r.booking_id as string | null, actor_id: r.actor_id as string | null, reason: r.reason as string }));
}

/** Moves the clock of every app server (0 puts it back). The worker keeps real time. */
export async function moveClock(offsetMs: number): Promise<void> {
  for (const server of appUrls().keys()) {
    const res = await api('/api/test/clock', { json: { offset_ms: offsetMs }, server });
    expect(res.status).toBe(200);
  }
}
