import 'server-only';
import { and, eq, gt, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings } from '@/db/schema';
import { HOUR_MS } from '@/lib/time';
import { queueMessage } from '@/lib/mail';
import { getSetting } from '@/lib/settings';
import { bookingSnapshot } from './messages';

/** A reminder `reminder_hours` before each confirmed session; one per booking and start time (a reschedule gets its own). */
export async function sendSessionReminders(at: Date): Promise<number> {
  const hours = await getSetting('reminder_hours');
  const due = await getDb()
    .select({ id: bookings.id, clientId: bookings.clientId, startsAt: bookings.startsAt })
    .from(bookings)
    .where(and(eq(bookings.status, 'confirmed'), gt(bookings.startsAt, at), lte(bookings.startsAt, new Date(at.getTime() + hours * HOUR_MS))))
    .limit(500);
  let queued = 0;
  for (const b of due) {
    const id = await getDb().transaction(async (tx) =>
      queueMessage(tx, { key: `session_reminder:${b.id}:${b.startsAt.toISOString()}`, template: 'session_reminder', data: { booking: await bookingSnapshot(tx, b.id) }, userId: b.clientId }),
    );
    if (id) queued++;
  }
  return queued;
}
