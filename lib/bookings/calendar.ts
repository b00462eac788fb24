import 'server-only';
import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { bookingIcs, calendarFeed } from '@/lib/mail';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import { bookingSnapshot } from './messages';
import { findBookingRow } from './queries';

async function context() {
  return { practice_name: await getSetting('practice_name'), app_url: env().APP_URL.replace(/\/$/, '') };
}

/** GET /api/v1/bookings/:id/calendar.ics: the booking's calendar entry (a cancelled one as METHOD:CANCEL), for its client, provider and admins. */
export async function bookingCalendar(id: string, viewer: PublicUser): Promise<string> {
  const row = await findBookingRow(id, viewer);
  if (!row) throw new AppError('not_found', 'No such booking.');
  const snapshot = await getDb().transaction((tx) => bookingSnapshot(tx, id));
  return bookingIcs(snapshot, row.booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST', await context());
}

/** A user's feed: every upcoming booking they have, as client or as provider. */
export async function calendarFeedFor(userId: string): Promise<string> {
  const [user] = await getDb().select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  const upcoming = await getDb()
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(or(eq(bookings.clientId, userId), eq(bookings.providerId, userId)), inArray(bookings.status, ['confirmed', 'in_progress', 'pending_payment']), gte(bookings.endsAt, now())))
    .orderBy(asc(bookings.startsAt))
    .limit(1000);
  const events = await getDb().transaction(async (tx) => Promise.all(upcoming.map(async (b) => ({ b: await bookingSnapshot(tx, b.id) }))));
  return calendarFeed(events, { ...(await context()), name: `${await getSetting('practice_name')}: ${user?.name ?? 'bookings'}` });
}
