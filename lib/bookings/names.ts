import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, classes, sessionTypes } from '@/db/schema';

/** What each booking is, for lists that name it ("Yoga Flow" and its start): the class title or the session type's name. */
export async function bookingNames(ids: readonly string[]): Promise<Map<string, { title: string; starts_at: string }>> {
  if (!ids.length) return new Map();
  const rows = await getDb()
    .select({ id: bookings.id, startsAt: bookings.startsAt, classTitle: classes.title, typeName: sessionTypes.name })
    .from(bookings)
    .leftJoin(classes, eq(classes.id, bookings.classId))
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(inArray(bookings.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { title: r.classTitle ?? r.typeName ?? '1:1 session', starts_at: r.startsAt.toISOString() }]));
}
