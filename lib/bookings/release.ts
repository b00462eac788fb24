import 'server-only';
import type { Tx } from '@/db/client';
import type { Booking } from '@/db/schema';
import { scheduleHoldExpiry } from '@/lib/jobs/queue';
import { releaseSeat } from './seats';
import { promoteNext, type Promotion } from './waitlist';

/** Frees what an ending booking held: its class seat goes to the waitlist's first client, if any. */
export async function releaseHeld(tx: Tx, booking: Pick<Booking, 'classId'>): Promise<Promotion | null> {
  if (!booking.classId) return null;
  await releaseSeat(tx, booking.classId);
  return promoteNext(tx, booking.classId);
}

/** After the transaction commits: the promoted client's hold gets its expiry job. */
export async function afterRelease(promotion: Promotion | null): Promise<void> {
  if (promotion?.holdExpiresAt) await scheduleHoldExpiry(promotion.bookingId, promotion.holdExpiresAt);
}
