import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, classes } from '@/db/schema';
import { now } from '@/lib/clock';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/http/errors';
import { scheduleHoldExpiry } from '@/lib/jobs/queue';
import { assertCanBook } from '@/lib/questionnaire/eligibility';
import { classBookingValues } from './class-booking';
import { initialState, PREPAID_STATE } from './holds-policy';
import type { PayInTransaction } from './pay-in-tx';
import { takeSeat } from '@/lib/schedule/seats';
import { ACTIVE_STATUSES } from './statuses';

const ALREADY_BOOKED = 'You already have a booking in this class.';

/**
 * Books a seat in a class. The seat is taken by an atomic conditional update
 * and the booking inserted in the same transaction, so a class is never
 * oversold and a client never holds two active bookings in one class.
 * With `payWith` (a class credit) it is paid in that same transaction and
 * confirmed at once; if paying fails, nothing was booked.
 */
export async function bookClassSeat(clientId: string, classId: string, payWithArg?: PayInTransaction): Promise<string> {
  const at = now();
  await assertCanBook(clientId, at);
  const db = getDb();
  const [cls] = await db.select().from(classes).where(eq(classes.id, classId)).limit(1);
  if (!cls || cls.cancelledAt) throw new AppError('not_found', 'No such class.');
  if (cls.startsAt <= at) throw new AppError('booking_closed', 'This class has already started.');

  // A free class needs no credit: it is booked free, and no use is taken.
  const payWith = cls.priceAmount > 0 ? payWithArg : undefined;
  const state = payWith ? PREPAID_STATE : await initialState(cls.priceAmount, at);
  let bookingId: string;
  try {
    bookingId = await db.transaction(async (tx) => {
      // A clear answer for the common case; the unique index is the guard under concurrency.
      const [existing] = await tx
        .select({ id: bookings.id })
        .from(bookings)
        .where(and(eq(bookings.classId, classId), eq(bookings.clientId, clientId), inArray(bookings.status, [...ACTIVE_STATUSES])))
        .limit(1);
      if (existing) throw new AppError('already_booked', ALREADY_BOOKED);

      const seated = await takeSeat(tx, classId);
      if (!seated) throw new AppError('class_full', 'This class is full. You can join the waitlist.');
      const [row] = await tx
        .insert(bookings)
        .values(classBookingValues(seated, clientId, state, at, payWith !== undefined))
        .returning({ id: bookings.id });
      if (!row) throw new Error('booking was not created');
      if (payWith) await payWith(tx, { id: row.id, clientId, target: { kind: 'class', classId, seriesId: seated.seriesId }, at });
      if (state.holdExpiresAt) await scheduleHoldExpiry(tx, row.id, state.holdExpiresAt);
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'bookings_one_active_per_class_key')) throw new AppError('already_booked', ALREADY_BOOKED);
    throw err;
  }
  return bookingId;
}
