import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { earningLines, payouts, type Payout } from '@/db/schema';
import { addToTotal } from './record';
import type { PayoutMethod } from './types';

export interface ReservedPayout {
  id: string;
  providerId: string;
  amount: number;
  currency: string;
  method: PayoutMethod;
}

/**
 * Moves a set of lines between states as one statement each: their entries
 * (keyed by the payout, so a replay adds nothing) and the running totals.
 */
async function moveLinesOf(tx: Tx, payoutId: string, from: 'available' | 'paid_out', to: 'available' | 'paid_out', causeKey: string, cause: 'payout' | 'payout_failed'): Promise<void> {
  await tx.execute(sql`
    insert into earning_entries (line_id, provider_id, currency, state, cause, cause_key, amount)
    select l.id, l.provider_id, l.currency, s.state, ${cause}::earning_cause, ${causeKey}, case when s.state = ${from}::earning_state then -l.net else l.net end
    from earning_lines l cross join (values (${from}::earning_state), (${to}::earning_state)) as s(state)
    where l.payout_id = ${payoutId}
    on conflict do nothing`);
}

/**
 * A payout of all of one provider's available lines (clawbacks included) in
 * one currency, or null when they add up to nothing. Concurrent payouts of
 * one provider queue on an advisory lock, and a line is taken only while its
 * payout_id is null (the check constraint ties paid_out to a payout), so a
 * line is in one payout at most whatever the concurrency. A manual payout is
 * paid at once; a Stripe one waits for its transfer.
 */
export async function reservePayout(
  tx: Tx,
  input: { providerId: string; currency: string; method: PayoutMethod; reference: string | null; createdBy: string | null; at: Date },
): Promise<ReservedPayout | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`payout:${input.providerId}:${input.currency}`}, 0))`);
  const [sum] = await tx
    .select({ total: sql<number>`coalesce(sum(${earningLines.net}), 0)::int`, n: sql<number>`count(*)::int` })
    .from(earningLines)
    .where(and(eq(earningLines.providerId, input.providerId), eq(earningLines.currency, input.currency), eq(earningLines.state, 'available')));
  if (!sum || sum.total <= 0) return null;
  const [payout] = await tx
    .insert(payouts)
    .values({
      providerId: input.providerId,
      currency: input.currency,
      amount: sum.total,
      method: input.method,
      status: input.method === 'manual' ? 'paid' : 'pending',
      reference: input.reference,
      createdBy: input.createdBy,
      paidAt: input.method === 'manual' ? input.at : null,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .returning();
  const taken = await tx
    .update(earningLines)
    .set({ state: 'paid_out', payoutId: payout!.id, updatedAt: input.at })
    .where(and(eq(earningLines.providerId, input.providerId), eq(earningLines.currency, input.currency), eq(earningLines.state, 'available'), sql`${earningLines.payoutId} is null`))
    .returning({ net: earningLines.net });
  const total = taken.reduce((s, l) => s + l.net, 0);
  if (total !== sum.total) throw new Error(`payout ${payout!.id}: lines changed under the lock (${total} != ${sum.total})`);
  await moveLinesOf(tx, payout!.id, 'available', 'paid_out', `payout:${payout!.id}`, 'payout');
  await addToTotal(tx, input.providerId, input.currency, 'available', -total, -taken.length);
  await addToTotal(tx, input.providerId, input.currency, 'paid_out', total, taken.length);
  return { id: payout!.id, providerId: input.providerId, amount: total, currency: input.currency, method: input.method };
}

async function lockPayout(tx: Tx, id: string): Promise<Payout | undefined> {
  const [row] = await tx.select().from(payouts).where(eq(payouts.id, id)).for('update').limit(1);
  return row;
}

/** The transfer went through: the payout is paid. Once; a repeat changes nothing. */
export async function settlePayout(tx: Tx, payoutId: string, result: { transferId: string | null; at: Date }): Promise<boolean> {
  const payout = await lockPayout(tx, payoutId);
  if (!payout || payout.status !== 'pending') return false;
  await tx
    .update(payouts)
    .set({ status: 'paid', stripeTransferId: result.transferId, paidAt: result.at, failureReason: null, updatedAt: result.at })
    .where(eq(payouts.id, payoutId));
  return true;
}

/**
 * Stripe refused the transfer (for example `balance_insufficient`): the
 * payout is failed with the reason, and its lines are available again for
 * the next payout (a retry is a new payout).
 */
export async function failPayout(tx: Tx, payoutId: string, reason: string, at: Date): Promise<boolean> {
  const payout = await lockPayout(tx, payoutId);
  if (!payout || payout.status !== 'pending') return false;
  await moveLinesOf(tx, payoutId, 'paid_out', 'available', `payout_failed:${payoutId}`, 'payout_failed');
  const freed = await tx.update(earningLines).set({ state: 'available', payoutId: null, updatedAt: at }).where(eq(earningLines.payoutId, payoutId)).returning({ id: earningLines.id });
  await addToTotal(tx, payout.providerId, payout.currency, 'paid_out', -payout.amount, -freed.length);
  await addToTotal(tx, payout.providerId, payout.currency, 'available', payout.amount, freed.length);
  await tx.update(payouts).set({ status: 'failed', failureReason: reason, updatedAt: at }).where(eq(payouts.id, payoutId));
  return true;
}
