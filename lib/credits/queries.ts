import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { apiKeys, creditEntries, credits, users, type Credit, type CreditEntry } from '@/db/schema';
import { now } from '@/lib/clock';
import type { Money } from '@/lib/money';
import { creditUsedBy, usableAt } from './ledger';
import { containsPattern } from '@/lib/fields';

export type CreditState = 'active' | 'used_up' | 'expired' | 'revoked';

/** A credit as the API shows it; seed 000's fields (total_classes, remaining_classes, is_valid) and ours. */
export interface CreditDto {
  id: string;
  client_id: string;
  package_id: string | null;
  package_name: string;
  source: Credit['source'];
  total_classes: number;
  remaining_classes: number;
  purchased_at: string;
  expires_at: string;
  /** Usable now: uses left, not expired, not revoked. */
  is_valid: boolean;
  state: CreditState;
  payment_id: string | null;
  amount_paid: Money;
  /** What one use is worth: the amount paid over the uses bought (rounded down). */
  per_class_value: Money;
  scope: { classes: Credit['classScope']; class_ids: string[]; session_type_ids: string[] };
}

export interface CreditEntryDto {
  id: number;
  credit_id: string;
  kind: CreditEntry['kind'];
  delta: number;
  booking_id: string | null;
  reason: string;
  /** Who: a user (with name), an API key (with name), or the system. */
  actor: { type: 'user'; id: string; name: string } | { type: 'api_key'; id: string; name: string } | { type: 'system' };
  created_at: string;
}

export function creditState(c: Pick<Credit, 'remainingUses' | 'expiresAt' | 'revokedAt'>, at: Date): CreditState {
  if (c.revokedAt) return 'revoked';
  if (c.expiresAt <= at) return 'expired';
  return c.remainingUses > 0 ? 'active' : 'used_up';
}

export function toCreditDto(c: Credit, at: Date = now()): CreditDto {
  const state = creditState(c, at);
  return {
    id: c.id,
    client_id: c.clientId,
    package_id: c.packageId,
    package_name: c.packageName,
    source: c.source,
    total_classes: c.totalUses,
    remaining_classes: c.remainingUses,
    purchased_at: c.purchasedAt.toISOString(),
    expires_at: c.expiresAt.toISOString(),
    is_valid: state === 'active',
    state,
    payment_id: c.paymentId,
    amount_paid: { amount: c.amountPaid, currency: c.currency },
    per_class_value: { amount: c.totalUses > 0 ? Math.floor(c.amountPaid / c.totalUses) : 0, currency: c.currency },
    scope: { classes: c.classScope, class_ids: c.classIds, session_type_ids: c.sessionTypeIds },
  };
}

/** seed 000's "credits by client": every credit of the client, usable first, and the total of usable uses. */
export async function creditsOfClient(clientId: string): Promise<{ client_id: string; total_credits: number; credits: CreditDto[] }> {
  const at = now();
  const rows = await getDb()
    .select()
    .from(credits)
    .where(eq(credits.clientId, clientId))
    // usableAt binds the instant through the column's type; a bare Date in sql`` would fail in postgres-js.
    .orderBy(sql`${usableAt(at)} desc`, asc(credits.expiresAt), asc(credits.id));
  const list = rows.map((c) => toCreditDto(c, at));
  return { client_id: clientId, total_credits: list.filter((c) => c.is_valid).reduce((sum, c) => sum + c.remaining_classes, 0), credits: list };
}

export async function findCredit(id: string): Promise<Credit | undefined> {
  const [row] = await getDb().select().from(credits).where(eq(credits.id, id)).limit(1);
  return row;
}

const actorUser = alias(users, 'actor_user');

/** The ledger of some credits, newest first. */
export async function creditHistory(creditIds: string[]): Promise<CreditEntryDto[]> {
  if (creditIds.length === 0) return [];
  const rows = await getDb()
    .select({ entry: creditEntries, userName: actorUser.name, keyName: apiKeys.name })
    .from(creditEntries)
    .leftJoin(actorUser, eq(actorUser.id, creditEntries.actorId))
    .leftJoin(apiKeys, eq(apiKeys.id, creditEntries.apiKeyId))
    .where(inArray(creditEntries.creditId, creditIds))
    .orderBy(desc(creditEntries.id));
  return rows.map(({ entry, userName, keyName }) => ({
    id: entry.id,
    credit_id: entry.creditId,
    kind: entry.kind,
    delta: entry.delta,
    booking_id: entry.bookingId,
    reason: entry.reason,
    actor: entry.actorId
      ? { type: 'user', id: entry.actorId, name: userName ?? 'Former user' }
      : entry.apiKeyId
        ? { type: 'api_key', id: entry.apiKeyId, name: keyName ?? 'Deleted key' }
        : { type: 'system' },
    created_at: entry.createdAt.toISOString(),
  }));
}

/** Every client with credits, for admins: name, email, usable uses and credit count; newest activity first. */
export async function clientsWithCredits(options: { search?: string; page: number; pageSize: number }) {
  const at = now();
  const search = options.search?.trim();
  // Taken literally: a % or _ typed in the search box is that character, not a wildcard.
  const where = search ? sql`(${users.name} ilike ${containsPattern(search)} or ${users.email} ilike ${containsPattern(search)})` : undefined;
  const base = getDb()
    .select({
      clientId: credits.clientId,
      name: users.name,
      email: users.email,
      usable: sql<number>`coalesce(sum(${credits.remainingUses}) filter (where ${usableAt(at)}), 0)::int`,
      creditCount: sql<number>`count(*)::int`,
      lastActivity: sql<Date>`max(${credits.updatedAt})`,
    })
    .from(credits)
    .innerJoin(users, eq(users.id, credits.clientId))
    .where(and(where))
    .groupBy(credits.clientId, users.name, users.email);
  const rows = await base.orderBy(desc(sql`max(${credits.updatedAt})`)).limit(options.pageSize).offset((options.page - 1) * options.pageSize);
  const [count] = await getDb()
    .select({ n: sql<number>`count(distinct ${credits.clientId})::int` })
    .from(credits)
    .innerJoin(users, eq(users.id, credits.clientId))
    .where(and(where));
  return {
    clients: rows.map((r) => ({ client: { id: r.clientId, name: r.name, email: r.email }, total_credits: r.usable, credit_count: r.creditCount, last_activity_at: new Date(r.lastActivity).toISOString() })),
    total: count?.n ?? 0,
    page: options.page,
    page_size: options.pageSize,
  };
}

/** The credit a booking (or the one it was rescheduled from) took its use from, if any, and whether it came back. */
export function creditUseOfBooking(bookingIds: string[]): Promise<{ creditId: string; returned: boolean } | null> {
  return creditUsedBy(getDb(), bookingIds);
}
