import 'server-only';
import { and, asc, eq, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings } from '@/db/schema';
import { now } from '@/lib/clock';
import { addNotice } from './notices';
import { afterRelease, releaseHeld } from './release';

/**
 * Expires a hold whose time is up: the booking becomes expired and its seat
 * goes back (to the waitlist's first client, if any). A hold that was paid,
 * cancelled or extended meanwhile is left alone. Returns whether it expired.
 */
export async function expireHold(bookingId: string): Promise<boolean> {
  const at = now();
  const result = await getDb().transaction(async (tx) => {
    const [expired] = await tx
      .update(bookings)
      .set({ status: 'expired', updatedAt: at })
      .where(and(eq(bookings.id, bookingId), eq(bookings.status, 'pending_payment'), lte(bookings.holdExpiresAt, at)))
      .returning();
    if (!expired) return null;
    await addNotice(tx, expired.clientId, {
      kind: 'hold_expired',
      message: 'Your booking was not paid in time, so its place was released.',
      link: `/account/bookings/${expired.id}`,
    });
    return { promotion: await releaseHeld(tx, expired) };
  });
  if (!result) return false;
  await afterRelease(result.promotion);
  return true;
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
