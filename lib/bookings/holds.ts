import 'server-only';
import { type Tx, getDb } from '@/db/client';
import { type Booking, bookings } from '@/db/schema';
import { scheduleHoldExpiry } from '@/lib/jobs';
import { releaseSeat } from '@/lib/schedule';
import { promoteNext } from './waitlist';
import { and, asc, eq, lte } from 'drizzle-orm';
import { now } from '@/lib/clock';
import { addNotice } from './notices';

/**
 * Frees what an ending booking held: its class seat goes to the waitlist's
 * first client, if any, whose new hold gets its expiry job in the same transaction.
 */
export async function releaseHeld(tx: Tx, booking: Pick<Booking, 'classId'>): Promise<void> {
  if (!booking.classId) return;
  await releaseSeat(tx, booking.classId);
  const promotion = await promoteNext(tx, booking.classId);
  if (promotion?.holdExpiresAt) await scheduleHoldExpiry(tx, promotion.bookingId, promotion.holdExpiresAt);
}

/**
 * Expires a hold whose time is up, inside `tx`: the booking becomes expired
 * and its seat goes back (to the waitlist's first client, if any). A hold
 * that was paid, cancelled or extended meanwhile is left alone. Returns
 * whether it expired.
 */
export async function expireHoldIn(tx: Tx, bookingId: string, at: Date): Promise<boolean> {
  const [expired] = await tx
    .update(bookings)
    .set({ status: 'expired', updatedAt: at })
    .where(and(eq(bookings.id, bookingId), eq(bookings.status, 'pending_payment'), lte(bookings.holdExpiresAt, at)))
    .returning();
  if (!expired) return false;
  await addNotice(tx, expired.clientId, {
    kind: 'hold_expired',
    message: 'Your booking was not paid in time, so its place was released.',
    link: `/account/bookings/${expired.id}`,
  });
  await releaseHeld(tx, expired);
  return true;
}

/** Expires a hold whose time is up, in a transaction of its own (the worker's job). */
export async function expireHold(bookingId: string): Promise<boolean> {
  return getDb().transaction((tx) => expireHoldIn(tx, bookingId, now()));
}

/** The safety net behind the per-hold jobs: expires every hold past its time. */
export async function expireDueHolds(limit = 200): Promise<number> {
  const due = await getDb()
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.status, 'pending_payment'), lte(bookings.holdExpiresAt, now())))
    .orderBy(asc(bookings.holdExpiresAt))
    .limit(limit);
  let expired = 0;
  for (const { id } of due) if (await expireHold(id)) expired++;
  return expired;
}
