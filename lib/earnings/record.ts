import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bookings, earningEntries, earningLines, earningTotals, payments, type EarningLine } from '@/db/schema';
import { platformFee } from '@/lib/money';
import type { EarningState } from './types';

/**
 * The recorders: every change to what a provider is owed, each inside the
 * transaction of its cause (a payment's webhook, a credit's use, a refund, a
 * delivery). Each writes append-only entries keyed by its cause, so a
 * replayed webhook or job adds nothing, and moves the running totals with
 * them: a provider's totals always equal the sum of their entries.
 */

type LineKey = Pick<EarningLine, 'id' | 'providerId' | 'currency'>;
type Cause = (typeof earningEntries.$inferInsert)['cause'];

/** Adds `amount` to the line's net in `state`, once per (line, cause key, state); false when it was already there. */
export async function addEntry(tx: Tx, line: LineKey, state: EarningState, cause: Cause, causeKey: string, amount: number): Promise<boolean> {
  const [entry] = await tx
    .insert(earningEntries)
    .values({ lineId: line.id, providerId: line.providerId, currency: line.currency, state, cause, causeKey, amount })
    .onConflictDoNothing()
    .returning({ id: earningEntries.id });
  if (!entry) return false;
  if (amount !== 0) await addToTotal(tx, line.providerId, line.currency, state, amount);
  return true;
}

/** Moves the running total of a state by `amount`, and its count of lines by `lines`. */
export async function addToTotal(tx: Tx, providerId: string, currency: string, state: EarningState, amount: number, lines = 0): Promise<void> {
  await tx
    .insert(earningTotals)
    .values({ providerId, currency, state, amount, lines })
    .onConflictDoUpdate({
      target: [earningTotals.providerId, earningTotals.currency, earningTotals.state],
      set: { amount: sql`${earningTotals.amount} + ${amount}`, lines: sql`${earningTotals.lines} + ${lines}` },
    });
}

/** The booking's earning line, locked until the transaction ends, so two changes of one line run one after the other. */
async function lockLine(tx: Tx, bookingId: string): Promise<EarningLine | undefined> {
  const [line] = await tx
    .select()
    .from(earningLines)
    .where(and(or(eq(earningLines.bookingId, bookingId), eq(earningLines.paidBookingId, bookingId)), eq(earningLines.kind, 'earning')))
    .for('update')
    .limit(1);
  return line;
}

/** Moves a line's whole net from its state to another: two entries, keyed by the cause. */
async function moveLine(tx: Tx, line: EarningLine, to: EarningState, cause: Cause, causeKey: string, set: Partial<EarningLine> = {}): Promise<void> {
  await addEntry(tx, line, line.state, cause, causeKey, -line.net);
  await addEntry(tx, line, to, cause, causeKey, line.net);
  await addToTotal(tx, line.providerId, line.currency, line.state, 0, -1);
  await addToTotal(tx, line.providerId, line.currency, to, 0, 1);
  await tx.update(earningLines).set({ ...set, state: to, updatedAt: new Date() }).where(eq(earningLines.id, line.id));
}

async function newLine(tx: Tx, values: typeof earningLines.$inferInsert, cause: Cause, causeKey: string): Promise<EarningLine | null> {
  const [line] = await tx.insert(earningLines).values(values).onConflictDoNothing().returning();
  if (!line) return null;
  await addEntry(tx, line, line.state, cause, causeKey, line.net);
  await addToTotal(tx, line.providerId, line.currency, line.state, 0, 1);
  return line;
}

/**
 * A paid booking's earning, when its card payment succeeds: gross as paid,
 * fee and net as stored on the payment (never recomputed), pending until the
 * session is delivered. Once per booking.
 */
export async function earnFromPayment(tx: Tx, bookingId: string, paymentId: string, at: Date): Promise<void> {
  if (await lockLine(tx, bookingId)) return;
  const [row] = await tx
    .select({
      providerId: bookings.providerId,
      // The split stored on the payment; a payment recorded without a payments row keeps the booking's own.
      amount: sql<number>`coalesce(${payments.amount}, ${bookings.amountDue})`,
      fee: sql<number>`coalesce(${payments.feeAmount}, ${bookings.feeAmount})`,
      currency: sql<string>`coalesce(${payments.currency}, ${bookings.currency})`,
    })
    .from(bookings)
    .leftJoin(payments, eq(payments.id, paymentId))
    .where(eq(bookings.id, bookingId))
    .limit(1);
  if (!row) throw new Error(`no booking ${bookingId} to earn from`);
  if (row.amount <= 0) return;
  const net = row.amount - row.fee;
  await newLine(
    tx,
    { providerId: row.providerId, bookingId, paidBookingId: bookingId, paymentId, currency: row.currency, state: 'pending', paidGross: row.amount, paidFee: row.fee, paidNet: net, gross: row.amount, fee: row.fee, net, createdAt: at, updatedAt: at },
    'payment',
    `payment:${paymentId}`,
  );
}

/** What one use of a credit is worth: amount paid / total uses, rounded half up (integers only). */
export function perClassValue(amountPaid: number, totalUses: number): number {
  if (totalUses <= 0 || amountPaid <= 0) return 0;
  return Math.floor((2 * amountPaid + totalUses) / (2 * totalUses));
}

export interface CreditPaying {
  id: string;
  amountPaid: number;
  totalUses: number;
  feeBps: number;
  currency: string;
  paymentId?: string | null;
}

/**
 * A booking paid with a credit earns the credit's per-class value less the
 * package's fee; a complimentary credit (nothing paid) earns 0 and says so.
 */
export async function earnFromCredit(tx: Tx, bookingId: string, credit: CreditPaying, at: Date): Promise<void> {
  if (await lockLine(tx, bookingId)) return;
  const [booking] = await tx.select({ providerId: bookings.providerId }).from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  if (!booking) throw new Error(`no booking ${bookingId} to earn from`);
  const gross = perClassValue(credit.amountPaid, credit.totalUses);
  const fee = platformFee(gross, credit.feeBps);
  await newLine(
    tx,
    {
      providerId: booking.providerId,
      bookingId,
      paidBookingId: bookingId,
      creditId: credit.id,
      paymentId: credit.paymentId ?? null,
      complimentary: credit.amountPaid === 0,
      currency: credit.currency,
      state: 'pending',
      paidGross: gross,
      paidFee: fee,
      paidNet: gross - fee,
      gross,
      fee,
      net: gross - fee,
      createdAt: at,
      updatedAt: at,
    },
    'credit',
    `credit:${credit.id}`,
  );
}

/** The session was delivered (completed, a no-show, or cancelled late with nothing refunded): pending becomes available. */
export async function deliverEarning(tx: Tx, bookingId: string, at: Date): Promise<void> {
  const line = await lockLine(tx, bookingId);
  if (!line || line.state !== 'pending') return;
  await moveLine(tx, line, 'available', 'delivery', 'delivery', { deliveredAt: at });
}

/**
 * Money went back to the client: `refunded` is everything refunded so far of
 * `paid`. The earning keeps net = paid net - round(paid net x refunded / paid)
 * and the fee the rest, so gross = fee + net after every refund. Refunded in
 * full before it was paid out, it is `reversed`; after a payout, what it
 * lost becomes a negative clawback line, available, carried into the next payout.
 */
export async function applyEarningRefund(tx: Tx, bookingId: string, refund: { refunded: number; paid: number }, at: Date): Promise<void> {
  const line = await lockLine(tx, bookingId);
  if (!line || line.paidGross === 0) return;
  const refunded = Math.min(refund.refunded, line.paidGross);
  if (refunded <= line.refunded) return;
  const net = line.paidNet - Math.round((line.paidNet * refunded) / line.paidGross);
  const gross = line.paidGross - refunded;
  await settleTo(tx, line, { gross, net, refunded }, `refund:${refunded}`, at);
}

/** The booking's credit use went back to the client (an in-time cancellation): it earns nothing any more. */
export async function reverseEarning(tx: Tx, bookingId: string, at: Date): Promise<void> {
  const line = await lockLine(tx, bookingId);
  if (!line || line.state === 'reversed') return;
  await settleTo(tx, line, { gross: 0, net: 0, refunded: line.paidGross }, 'reverse', at);
}

async function settleTo(tx: Tx, line: EarningLine, target: { gross: number; net: number; refunded: number }, causeKey: string, at: Date): Promise<void> {
  if (line.state === 'paid_out') {
    // Already paid: the line stays as it was paid; the difference is owed back by the next payout.
    const [sofar] = await tx
      .select({ net: sql<number>`coalesce(sum(${earningLines.net}), 0)::int`, gross: sql<number>`coalesce(sum(${earningLines.gross}), 0)::int` })
      .from(earningLines)
      .where(and(eq(earningLines.clawbackOf, line.id), eq(earningLines.kind, 'clawback')));
    const clawed = sofar?.net ?? 0;
    const grossClawed = sofar?.gross ?? 0;
    const net = target.net - (line.net + clawed);
    const gross = target.gross - (line.gross + grossClawed);
    if (net !== 0 || gross !== 0) {
      await newLine(
        tx,
        {
          providerId: line.providerId,
          kind: 'clawback',
          bookingId: line.bookingId,
          paymentId: line.paymentId,
          creditId: line.creditId,
          clawbackOf: line.id,
          refundKey: target.refunded,
          currency: line.currency,
          state: 'available',
          paidGross: gross,
          paidFee: gross - net,
          paidNet: net,
          gross,
          fee: gross - net,
          net,
          deliveredAt: at,
          createdAt: at,
          updatedAt: at,
        },
        'clawback',
        `clawback:${causeKey}`,
      );
    }
    await tx.update(earningLines).set({ refunded: target.refunded, updatedAt: at }).where(eq(earningLines.id, line.id));
    return;
  }
  await addEntry(tx, line, line.state, 'refund', causeKey, target.net - line.net);
  const reversed = target.gross === 0 && line.state === 'pending';
  if (reversed) {
    await addEntry(tx, line, 'reversed', 'refund', causeKey, 0);
    await addToTotal(tx, line.providerId, line.currency, 'pending', 0, -1);
    await addToTotal(tx, line.providerId, line.currency, 'reversed', 0, 1);
  }
  await tx
    .update(earningLines)
    .set({ gross: target.gross, net: target.net, fee: target.gross - target.net, refunded: target.refunded, state: reversed ? 'reversed' : line.state, updatedAt: at })
    .where(eq(earningLines.id, line.id));
}

/** A rescheduled booking takes its original's earning with it (the same payment pays for the new time). */
export async function moveEarning(tx: Tx, fromBookingId: string, toBookingId: string): Promise<void> {
  await tx
    .update(earningLines)
    .set({ bookingId: toBookingId, updatedAt: new Date() })
    .where(and(eq(earningLines.bookingId, fromBookingId), eq(earningLines.kind, 'earning')));
}
