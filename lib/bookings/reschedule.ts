import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { bookings, classes, sessionTypes, type Booking } from '@/db/schema';
import { now } from '@/lib/clock';
import { isExclusionViolation, isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { assertCanBook } from '@/lib/questionnaire';
import { isOfferedSlot, takeSeat } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import { blockedRange } from './book';
import type { BookingDto } from './dto';
import { findBookingRow, getBookingFor } from './queries';
import { moveEarning } from '@/lib/earnings';
import { announceRescheduled } from './messages';
import { releaseHeld } from './holds';

export type RescheduleTarget = { classId: string } | { startsAt: Date };

const notAllowed = (message: string) => new AppError('reschedule_not_allowed', message);

/** The new booking keeps the old one's payment: same amounts, payment status and reference. */
function carriedPayment(b: Booking) {
  return {
    clientId: b.clientId,
    providerId: b.providerId,
    status: 'confirmed' as const,
    paymentStatus: b.paymentStatus,
    paymentType: b.paymentType,
    paymentRef: b.paymentRef,
    priceAmount: b.priceAmount,
    amountDue: b.amountDue,
    currency: b.currency,
    feeBps: b.feeBps,
    feeAmount: b.feeAmount,
    rescheduledFromId: b.id,
    // The same calendar entry, one version later.
    calendarSequence: b.calendarSequence + 1,
  };
}

async function retire(tx: Tx, old: Booking, actor: PublicUser, at: Date): Promise<void> {
  const [done] = await tx
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: at, cancelledBy: actor.id, cancelReason: 'Rescheduled', refundDue: 'none', updatedAt: at })
    .where(and(eq(bookings.id, old.id), eq(bookings.status, 'confirmed')))
    .returning({ id: bookings.id });
  if (!done) throw notAllowed('This booking changed meanwhile; reload and try again.');
}

/**
 * Moves a confirmed booking to another class or slot, keeping its payment.
 * A booking can be moved once: the new booking cannot be moved again.
 */
export async function rescheduleBooking(id: string, actor: PublicUser, target: RescheduleTarget): Promise<BookingDto> {
  const row = await findBookingRow(id, actor);
  if (!row) throw new AppError('not_found', 'No such booking.');
  const old = row.booking;
  if (actor.role === 'provider') throw new AppError('forbidden', 'Only the client or an admin can reschedule a booking.');
  if (old.status !== 'confirmed') throw notAllowed('Only a confirmed booking can be rescheduled.');
  if (old.rescheduledFromId || old.rescheduledToId) throw notAllowed('A booking can be rescheduled only once.');
  const at = now();
  // Moving a booking is booking again: the client's questionnaire must still be valid.
  if (actor.role === 'client') await assertCanBook(actor.id, at);
  const windowHours = await getSetting('cancellation_window_hours');
  if (actor.role === 'client' && old.startsAt.getTime() - at.getTime() < windowHours * 3_600_000) {
    throw notAllowed(`Bookings can be rescheduled up to ${windowHours} hours before they start.`);
  }
  const db = getDb();
  let newId: string;
  try {
    if (old.kind === 'class') {
      if (!('classId' in target)) throw new AppError('validation_failed', 'Choose the class to move to.', { fields: { class_id: ['Required.'] } });
      const [cls] = await db.select().from(classes).where(eq(classes.id, target.classId)).limit(1);
      if (!cls || cls.cancelledAt) throw new AppError('not_found', 'No such class.');
      if (cls.id === old.classId) throw notAllowed('That is the class already booked.');
      if (cls.startsAt <= at) throw new AppError('booking_closed', 'That class has already started.');
      if (cls.priceAmount !== old.priceAmount || cls.currency !== old.currency) throw notAllowed('A booking can be moved only to a class of the same price.');
      newId = await db.transaction(async (tx) => {
        await retire(tx, old, actor, at);
        if (!(await takeSeat(tx, cls.id))) throw new AppError('class_full', 'That class is full.');
        const [created] = await tx
          .insert(bookings)
          .values({ ...carriedPayment(old), kind: 'class', classId: cls.id, startsAt: cls.startsAt, endsAt: new Date(cls.startsAt.getTime() + cls.durationMinutes * 60_000), createdAt: at, updatedAt: at })
          .returning({ id: bookings.id });
        if (!created) throw new Error('rescheduled booking was not created');
        await tx.update(bookings).set({ rescheduledToId: created.id }).where(eq(bookings.id, old.id));
        await moveEarning(tx, old.id, created.id);
        await announceRescheduled(tx, created.id, old.startsAt);
        await releaseHeld(tx, old);
        return created.id;
      });
    } else {
      if (!('startsAt' in target)) throw new AppError('validation_failed', 'Choose the new time.', { fields: { starts_at: ['Required.'] } });
      const [type] = await db.select().from(sessionTypes).where(eq(sessionTypes.id, old.sessionTypeId ?? '')).limit(1);
      if (!type) throw new AppError('not_found', 'The session type no longer exists.');
      if (target.startsAt <= at) throw new AppError('booking_closed', 'That time is in the past.');
      if (!(await isOfferedSlot(old.providerId, type.id, target.startsAt))) throw new AppError('slot_unavailable', 'The provider does not offer that time.');
      newId = await db.transaction(async (tx) => {
        await retire(tx, old, actor, at);
        const [created] = await tx
          .insert(bookings)
          .values({
            ...carriedPayment(old),
            kind: 'session',
            sessionTypeId: type.id,
            startsAt: target.startsAt,
            endsAt: new Date(target.startsAt.getTime() + type.durationMinutes * 60_000),
            blockedRange: blockedRange(target.startsAt, type.durationMinutes, type.bufferMinutes),
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: bookings.id });
        if (!created) throw new Error('rescheduled booking was not created');
        await tx.update(bookings).set({ rescheduledToId: created.id }).where(eq(bookings.id, old.id));
        await moveEarning(tx, old.id, created.id);
        await announceRescheduled(tx, created.id, old.startsAt);
        return created.id;
      });
    }
  } catch (err) {
    if (isExclusionViolation(err, 'bookings_no_overlap')) throw new AppError('slot_taken', 'That time has just been booked.');
    if (isUniqueViolation(err, 'bookings_one_active_per_class_key')) throw new AppError('already_booked', 'You already have a booking in that class.');
    throw err;
  }
  return getBookingFor(newId, actor);
}
