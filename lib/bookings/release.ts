import 'server-only';
import type { Tx } from '@/db/client';
import type { Booking } from '@/db/schema';
import { scheduleHoldExpiry } from '@/lib/jobs/queue';
import { releaseSeat } from '@/lib/schedule/seats';
import { promoteNext } from './waitlist';

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
