import 'server-only';
import { and, asc, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database, type DbOrTx, type Tx } from '@/db/client';
import { creditEntries, credits, type Credit, type CreditEntryKind, type PackageClassScope } from '@/db/schema';
import { bookingSnapshot as bookingSnapshotOf } from '@/lib/bookings';
import { AppError } from '@/lib/errors';
import { queueMessage } from '@/lib/mail';
import { DAY_MS } from '@/lib/time';

/**
 * The credit ledger (PRODUCT.md "Credits"). A credit's remaining uses change
 * only here, each time by one atomic conditional UPDATE written in the same
 * transaction as its ledger entry, so the remaining count always equals the
 * sum of the entries, never goes below zero (a check constraint backs this
 * up) and is never taken from an expired or revoked credit, whatever the
 * concurrency.
 */

/** Who made a change: a user, an integration's API key, or neither (the system: webhook, worker). */
export interface CreditActor {
  userId: string | null;
  apiKeyId: string | null;
}

export const SYSTEM_ACTOR: CreditActor = { userId: null, apiKeyId: null };

export const userActor = (userId: string): CreditActor => ({ userId, apiKeyId: null });

export interface CreditScope {
  classScope: PackageClassScope;
  classIds: string[];
  sessionTypeIds: string[];
}

/** What one use pays for: a class seat (and its weekly series, if any) or a 1:1 session of a type. */
export type CreditTarget = { kind: 'class'; classId: string; seriesId: string | null } | { kind: 'session'; sessionTypeId: string };

/** Credits that can be used at `at`: uses left, not expired, not revoked. */
export function usableAt(at: Date): SQL {
  return and(gt(credits.remainingUses, 0), gt(credits.expiresAt, at), isNull(credits.revokedAt)) as SQL;
}

/** Credits whose scope covers the target. */
export function covers(target: CreditTarget): SQL {
  if (target.kind === 'session') return sql`${target.sessionTypeId}::uuid = any(${credits.sessionTypeIds})`;
  const selected = target.seriesId
    ? sql`(${target.classId}::uuid = any(${credits.classIds}) or ${target.seriesId}::uuid = any(${credits.classIds}))`
    : sql`${target.classId}::uuid = any(${credits.classIds})`;
  return sql`(${credits.classScope} = 'all' or (${credits.classScope} = 'selected' and ${selected}))`;
}

async function addEntry(
  tx: Tx,
  entry: { creditId: string; kind: CreditEntryKind; delta: number; actor: CreditActor; reason: string; bookingId?: string | null; at: Date },
): Promise<void> {
  await tx.insert(creditEntries).values({
    creditId: entry.creditId,
    kind: entry.kind,
    delta: entry.delta,
    bookingId: entry.bookingId ?? null,
    actorId: entry.actor.userId,
    apiKeyId: entry.actor.apiKeyId,
    reason: entry.reason,
    createdAt: entry.at,
  });
}

export interface GrantInput extends CreditScope {
  clientId: string;
  packageId: string | null;
  purchaseId: string | null;
  source: 'purchase' | 'admin' | 'integration';
  packageName: string;
  uses: number;
  /** The purchase's PaymentIntent; a second grant for the same payment returns the first credit. */
  paymentId: string | null;
  amountPaid: number;
  currency: string;
  feeBps: number;
  purchasedAt: Date;
  expiresAt: Date;
  actor: CreditActor;
  reason: string;
}

/** Grants a credit and its "grant" entry. Idempotent on the payment id: one payment, one credit. */
export async function grantCredit(tx: Tx, input: GrantInput): Promise<{ credit: Credit; created: boolean }> {
  if (!Number.isInteger(input.uses) || input.uses < 1) throw new RangeError(`a credit needs at least one use (got ${input.uses})`);
  if (input.paymentId) {
    const existing = await creditForPayment(tx, input.paymentId);
    if (existing) return { credit: existing, created: false };
  }
  const [created] = await tx
    .insert(credits)
    .values({
      clientId: input.clientId,
      packageId: input.packageId,
      purchaseId: input.purchaseId,
      source: input.source,
      packageName: input.packageName,
      totalUses: input.uses,
      remainingUses: input.uses,
      paymentId: input.paymentId,
      amountPaid: input.amountPaid,
      currency: input.currency,
      feeBps: input.feeBps,
      purchasedAt: input.purchasedAt,
      expiresAt: input.expiresAt,
      classScope: input.classScope,
      classIds: input.classIds,
      sessionTypeIds: input.sessionTypeIds,
      createdAt: input.purchasedAt,
      updatedAt: input.purchasedAt,
    })
    // The unique payment id is the guard when two grants for one payment race.
    .onConflictDoNothing()
    .returning();
  if (!created) {
    const winner = input.paymentId ? await creditForPayment(tx, input.paymentId) : undefined;
    if (!winner) throw new Error('credit was not created');
    return { credit: winner, created: false };
  }
  await addEntry(tx, { creditId: created.id, kind: 'grant', delta: input.uses, actor: input.actor, reason: input.reason, at: input.purchasedAt });
  await queueMessage(tx, {
    key: `credit_granted:${created.id}`,
    template: 'credit_granted',
    data: { package_name: created.packageName, uses: created.totalUses, expires_at: created.expiresAt.toISOString() },
    userId: created.clientId,
  });
  return { credit: created, created: true };
}

export async function creditForPayment(db: DbOrTx, paymentId: string): Promise<Credit | undefined> {
  const [row] = await db.select().from(credits).where(eq(credits.paymentId, paymentId)).limit(1);
  return row;
}

/**
 * Takes one use for a booking from the client's usable credit that covers it
 * and expires first (or from `creditId` only, when given). Each candidate is
 * taken by a conditional UPDATE that re-checks uses and expiry under the row
 * lock, so concurrent bookings never take more uses than there are. Returns
 * the credit after the use, or null when no usable credit covers the booking.
 */
export async function takeUse(
  tx: Tx,
  input: { clientId: string; target: CreditTarget; bookingId: string; at: Date; actor: CreditActor; reason: string; creditId?: string },
): Promise<Credit | null> {
  const eligible = and(eq(credits.clientId, input.clientId), usableAt(input.at), covers(input.target), input.creditId ? eq(credits.id, input.creditId) : undefined);
  // A candidate taken by a concurrent booking meanwhile fails its update; look again.
  for (let round = 0; round < 10; round++) {
    const candidates = await tx.select({ id: credits.id }).from(credits).where(eligible).orderBy(asc(credits.expiresAt), asc(credits.id)).limit(5);
    if (candidates.length === 0) return null;
    for (const candidate of candidates) {
      const [taken] = await tx
        .update(credits)
        .set({ remainingUses: sql`${credits.remainingUses} - 1`, updatedAt: input.at })
        .where(and(eq(credits.id, candidate.id), usableAt(input.at)))
        .returning();
      if (taken) {
        await addEntry(tx, { creditId: taken.id, kind: 'use', delta: -1, bookingId: input.bookingId, actor: input.actor, reason: input.reason, at: input.at });
        await queueCreditMessage(tx, 'credit_used', taken, input.bookingId);
        return taken;
      }
    }
  }
  return null;
}

/**
 * Gives back the use a booking took (an in-time cancellation), to the credit
 * it came from. `bookingIds` is the booking and the one it was rescheduled
 * from, if any (the use stays with the original). Once per booking: a second
 * return finds the first and does nothing. Nothing comes back to a revoked
 * credit, whose purchase was refunded. Returns the credit, or null when nothing was given back.
 */
export async function returnUse(tx: Tx, bookingIds: string[], input: { at: Date; actor: CreditActor; reason: string }): Promise<Credit | null> {
  const ids = bookingIds.filter(Boolean);
  if (ids.length === 0) return null;
  const [use] = await tx
    .select({ creditId: creditEntries.creditId, bookingId: creditEntries.bookingId })
    .from(creditEntries)
    .where(and(inArray(creditEntries.bookingId, ids), eq(creditEntries.kind, 'use')))
    .limit(1);
  if (!use?.bookingId) return null;
  const [credit] = await tx.select().from(credits).where(eq(credits.id, use.creditId)).for('update').limit(1);
  if (!credit || credit.revokedAt) return null;
  const [entry] = await tx
    .insert(creditEntries)
    .values({ creditId: use.creditId, kind: 'return', delta: 1, bookingId: use.bookingId, actorId: input.actor.userId, apiKeyId: input.actor.apiKeyId, reason: input.reason, createdAt: input.at })
    .onConflictDoNothing()
    .returning({ id: creditEntries.id });
  if (!entry) return null;
  const [returned] = await tx
    .update(credits)
    .set({ remainingUses: sql`${credits.remainingUses} + 1`, updatedAt: input.at })
    .where(eq(credits.id, use.creditId))
    .returning();
  if (returned) await queueCreditMessage(tx, 'credit_returned', returned, use.bookingId);
  return returned ?? null;
}

/** The credit a booking's use came from, if it was paid with one. */
export async function creditUsedBy(db: DbOrTx, bookingIds: string[]): Promise<{ creditId: string; returned: boolean } | null> {
  const ids = bookingIds.filter(Boolean);
  if (ids.length === 0) return null;
  const rows = await db
    .select({ creditId: creditEntries.creditId, kind: creditEntries.kind })
    .from(creditEntries)
    .where(and(inArray(creditEntries.bookingId, ids), inArray(creditEntries.kind, ['use', 'return'])));
  const use = rows.find((r) => r.kind === 'use');
  return use ? { creditId: use.creditId, returned: rows.some((r) => r.kind === 'return') } : null;
}

type RefundShare = { refunded: number; paid: number; fully: boolean };

async function revokedSoFar(db: DbOrTx, creditId: string): Promise<number> {
  const [sum] = await db
    .select({ revoked: sql<number>`coalesce(-sum(${creditEntries.delta}), 0)::int` })
    .from(creditEntries)
    .where(and(eq(creditEntries.creditId, creditId), eq(creditEntries.kind, 'revoke')));
  return sum?.revoked ?? 0;
}

/**
 * How many uses a refund takes back: a full refund everything unused; a
 * partial one the uses it paid for (`refunded` is the payment's refunded
 * total, this refund included), rounded up, less what earlier refunds took.
 */
function usesToRevoke(credit: Pick<Credit, 'totalUses' | 'remainingUses'>, alreadyRevoked: number, refund: RefundShare): number {
  const target = refund.fully || refund.paid <= 0 ? credit.totalUses : Math.ceil((refund.refunded * credit.totalUses) / refund.paid);
  return Math.max(0, Math.min(credit.remainingUses, target - alreadyRevoked));
}

/** What revokeForRefund would take for this refund, read without changing anything (the refund dialog's preview). */
export async function previewRevokeForRefund(creditId: string, refund: RefundShare): Promise<number | null> {
  const db = getDb();
  const [credit] = await db.select().from(credits).where(eq(credits.id, creditId)).limit(1);
  if (!credit) return null;
  return usesToRevoke(credit, await revokedSoFar(db, creditId), refund);
}

/**
 * The purchase behind a credit was refunded (in full or in part): takes back
 * the unused uses that the refund paid for, up to what is left. `refunded` and
 * `paid` are totals, so applying the same refund twice takes nothing more.
 */
export async function revokeForRefund(tx: Tx, creditId: string, refund: RefundShare, input: { at: Date; actor: CreditActor; reason: string }): Promise<Credit | null> {
  const [credit] = await tx.select().from(credits).where(eq(credits.id, creditId)).for('update').limit(1);
  if (!credit) return null;
  const take = usesToRevoke(credit, await revokedSoFar(tx, creditId), refund);
  const closing = refund.fully ? { revokedAt: credit.revokedAt ?? input.at } : {};
  if (take <= 0) {
    if (refund.fully && !credit.revokedAt) {
      const [closed] = await tx.update(credits).set({ ...closing, updatedAt: input.at }).where(eq(credits.id, creditId)).returning();
      return closed ?? null;
    }
    return credit;
  }
  const [revoked] = await tx
    .update(credits)
    .set({ remainingUses: sql`${credits.remainingUses} - ${take}`, ...closing, updatedAt: input.at })
    .where(and(eq(credits.id, creditId), sql`${credits.remainingUses} >= ${take}`))
    .returning();
  if (!revoked) return credit;
  await addEntry(tx, { creditId, kind: 'revoke', delta: -take, actor: input.actor, reason: input.reason, at: input.at });
  return revoked;
}

/**
 * An admin's adjustment: adds or takes uses, with a required reason. Taking
 * more than is left is refused; adding to an expired or revoked credit is too
 * (grant a new credit instead).
 */
export async function adjustCredit(tx: Tx, creditId: string, input: { delta: number; at: Date; actor: CreditActor; reason: string }): Promise<Credit> {
  if (!Number.isInteger(input.delta) || input.delta === 0) throw new AppError('validation_failed', 'Give a whole number of uses other than 0.', { fields: { delta: ['must be a whole number other than 0'] } });
  const [credit] = await tx.select().from(credits).where(eq(credits.id, creditId)).for('update').limit(1);
  if (!credit) throw new AppError('not_found', 'No such credit.');
  if (input.delta > 0 && (credit.revokedAt || credit.expiresAt <= input.at)) {
    throw new AppError('unprocessable', 'This credit has expired or was revoked; grant the client a new credit instead.');
  }
  if (credit.remainingUses + input.delta < 0) {
    throw new AppError('unprocessable', `This credit has only ${credit.remainingUses} ${credit.remainingUses === 1 ? 'use' : 'uses'} left.`, {
      fields: { delta: [`must be at least -${credit.remainingUses}`] },
    });
  }
  const [adjusted] = await tx
    .update(credits)
    .set({ remainingUses: sql`${credits.remainingUses} + ${input.delta}`, updatedAt: input.at })
    .where(eq(credits.id, creditId))
    .returning();
  if (!adjusted) throw new Error('credit adjustment was not applied');
  await addEntry(tx, { creditId, kind: 'adjust', delta: input.delta, actor: input.actor, reason: input.reason, at: input.at });
  return adjusted;
}

/**
 * Writes off what is left of credits past their expiry (the worker's job), one
 * "expire" entry each. Safe to run concurrently and repeatedly: each credit is
 * re-checked under its row lock. Returns how many credits it expired.
 */
export async function expireDueCredits(db: Database, at: Date, limit = 500): Promise<number> {
  const due = await db
    .select({ id: credits.id })
    .from(credits)
    .where(and(gt(credits.remainingUses, 0), lte(credits.expiresAt, at)))
    .orderBy(asc(credits.expiresAt))
    .limit(limit);
  let expired = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [credit] = await tx
        .select()
        .from(credits)
        .where(and(eq(credits.id, id), gt(credits.remainingUses, 0), lte(credits.expiresAt, at)))
        .for('update')
        .limit(1);
      if (!credit) return false;
      await tx.update(credits).set({ remainingUses: 0, expiredAt: at, updatedAt: at }).where(eq(credits.id, id));
      await addEntry(tx, {
        creditId: id,
        kind: 'expire',
        delta: -credit.remainingUses,
        actor: SYSTEM_ACTOR,
        reason: `Expired on ${credit.expiresAt.toISOString().slice(0, 10)}`,
        at,
      });
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

/** A credit's use or return, told to its client with the booking it was for (after the booking's row is written). */
async function queueCreditMessage(tx: Tx, template: 'credit_used' | 'credit_returned', credit: Credit, bookingId: string): Promise<void> {
  await queueMessage(tx, {
    key: `${template}:${credit.id}:${bookingId}`,
    template,
    data: { package_name: credit.packageName, remaining: credit.remainingUses, booking: await bookingSnapshotOf(tx, bookingId) },
    userId: credit.clientId,
  });
}

/** Credits with uses left that expire within 7 days: one reminder each. */
export async function sendExpiringReminders(db: Database, at: Date): Promise<number> {
  const due = await db
    .select()
    .from(credits)
    .where(and(gt(credits.remainingUses, 0), isNull(credits.revokedAt), gt(credits.expiresAt, at), lte(credits.expiresAt, new Date(at.getTime() + 7 * DAY_MS))))
    .limit(500);
  let queued = 0;
  for (const c of due) {
    const id = await db.transaction((tx) =>
      queueMessage(tx, {
        key: `credit_expiring:${c.id}`,
        template: 'credit_expiring',
        data: { package_name: c.packageName, remaining: c.remainingUses, expires_at: c.expiresAt.toISOString() },
        userId: c.clientId,
      }),
    );
    if (id) queued++;
  }
  return queued;
}
