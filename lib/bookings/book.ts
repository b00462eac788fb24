import 'server-only';
import { type ClassRow, bookings, classes, sessionTypes, users } from '@/db/schema';
import { platformFee } from '@/lib/money';
import { type InitialState, initialState, PREPAID_STATE, ACTIVE_STATUSES } from './rules';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { isUniqueViolation, isExclusionViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { scheduleHoldExpiry } from '@/lib/jobs';
import { assertCanBook } from '@/lib/questionnaire';
import type { PayInTransaction } from './prepaid';
import { takeSeat, isOfferedSlot } from '@/lib/schedule';
import type { PublicUser } from '@/lib/users';
import type { CreateBookingBody } from './api-schemas';
import type { BookingDto } from './dto';
import { announceConfirmed } from './messages';
import { getBookingFor } from './queries';

/** The row of a class booking: its price and fee fixed from the class at booking time. */
export function classBookingValues(cls: ClassRow, clientId: string, state: InitialState, at: Date, prepaid = false): typeof bookings.$inferInsert {
  // A prepaid (credit) booking owes nothing by card.
  const amountDue = prepaid ? 0 : cls.priceAmount;
  return {
    kind: 'class',
    clientId,
    providerId: cls.providerId,
    classId: cls.id,
    startsAt: cls.startsAt,
    endsAt: new Date(cls.startsAt.getTime() + cls.durationMinutes * 60_000),
    status: state.status,
    paymentStatus: state.paymentStatus,
    paymentType: prepaid ? 'credit' : cls.priceAmount > 0 ? 'single' : null,
    priceAmount: cls.priceAmount,
    amountDue,
    currency: cls.currency,
    feeBps: cls.feeBps,
    feeAmount: platformFee(amountDue, cls.feeBps),
    holdExpiresAt: state.holdExpiresAt,
    createdAt: at,
    updatedAt: at,
  };
}

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
      if (state.status === 'confirmed') await announceConfirmed(tx, row.id);
      if (state.holdExpiresAt) await scheduleHoldExpiry(tx, row.id, state.holdExpiresAt);
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'bookings_one_active_per_class_key')) throw new AppError('already_booked', ALREADY_BOOKED);
    throw err;
  }
  return bookingId;
}

const SLOT_TAKEN = 'This time has just been booked. Please choose another slot.';

/** The provider's time a session takes: its length plus the buffer after it, as '[start,end)'. */
export function blockedRange(start: Date, durationMinutes: number, bufferMinutes: number): string {
  const end = new Date(start.getTime() + (durationMinutes + bufferMinutes) * 60_000);
  return `[${start.toISOString()},${end.toISOString()})`;
}

async function overlapsActiveBooking(providerId: string, range: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.providerId, providerId),
        eq(bookings.kind, 'session'),
        inArray(bookings.status, [...ACTIVE_STATUSES]),
        sql`${bookings.blockedRange} && ${range}::tstzrange`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Books a 1:1 slot. The slot must be one the provider offers; two bookings of
 * one provider can never overlap because the database's exclusion constraint
 * refuses the second insert, whatever the concurrency. With `payWith` (a
 * class credit) it is paid in the same transaction and confirmed at once.
 */
export async function bookSession(input: { clientId: string; providerId: string; sessionTypeId: string; startsAt: Date }, payWithArg?: PayInTransaction): Promise<string> {
  const at = now();
  await assertCanBook(input.clientId, at);
  const db = getDb();
  const [row] = await db
    .select({ type: sessionTypes, providerRole: users.role })
    .from(sessionTypes)
    .innerJoin(users, eq(users.id, sessionTypes.providerId))
    .where(and(eq(sessionTypes.id, input.sessionTypeId), eq(sessionTypes.providerId, input.providerId), eq(sessionTypes.active, true)))
    .limit(1);
  if (!row || row.providerRole !== 'provider') throw new AppError('not_found', 'No such session type for this provider.');
  const type = row.type;
  if (input.startsAt <= at) throw new AppError('booking_closed', 'This time is in the past.');

  const range = blockedRange(input.startsAt, type.durationMinutes, type.bufferMinutes);
  if (!(await isOfferedSlot(input.providerId, type.id, input.startsAt))) {
    if (await overlapsActiveBooking(input.providerId, range)) throw new AppError('slot_taken', SLOT_TAKEN);
    throw new AppError('slot_unavailable', 'The provider does not offer this time. Choose one of the free slots.');
  }

  // A free session needs no credit: it is booked free, and no use is taken.
  const payWith = type.priceAmount > 0 ? payWithArg : undefined;
  const amountDue = payWith ? 0 : (type.depositAmount ?? type.priceAmount);
  const state = payWith ? PREPAID_STATE : await initialState(amountDue, at);
  let bookingId: string;
  try {
    bookingId = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(bookings)
        .values({
          kind: 'session',
          clientId: input.clientId,
          providerId: input.providerId,
          sessionTypeId: type.id,
          startsAt: input.startsAt,
          endsAt: new Date(input.startsAt.getTime() + type.durationMinutes * 60_000),
          blockedRange: range,
          status: state.status,
          paymentStatus: state.paymentStatus,
          paymentType: payWith ? 'credit' : amountDue > 0 ? 'single' : null,
          priceAmount: type.priceAmount,
          amountDue,
          currency: type.currency,
          feeBps: type.feeBps,
          feeAmount: platformFee(amountDue, type.feeBps),
          holdExpiresAt: state.holdExpiresAt,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: bookings.id });
      if (!inserted) throw new Error('booking was not created');
      if (payWith) await payWith(tx, { id: inserted.id, clientId: input.clientId, target: { kind: 'session', sessionTypeId: type.id }, at });
      if (state.status === 'confirmed') await announceConfirmed(tx, inserted.id);
      if (state.holdExpiresAt) await scheduleHoldExpiry(tx, inserted.id, state.holdExpiresAt);
      return inserted.id;
    });
  } catch (err) {
    if (isExclusionViolation(err, 'bookings_no_overlap')) throw new AppError('slot_taken', SLOT_TAKEN);
    throw err;
  }
  return bookingId;
}

/**
 * POST /api/v1/bookings: a class seat or a 1:1 slot, for the signed-in client.
 * `pay_with: "credit"` needs `payWithCredit`, which pays inside the booking's
 * transaction (the flow that books passes it in; bookings know no credits).
 */
export async function createBooking(client: PublicUser, body: CreateBookingBody, payWithCredit?: PayInTransaction): Promise<BookingDto> {
  const payWith = body.pay_with === 'credit' ? payWithCredit : undefined;
  if (body.pay_with === 'credit' && !payWith) {
    throw new AppError('credit_unavailable', 'You have no class credit that can pay for this booking.');
  }
  const id =
    'class_id' in body
      ? await bookClassSeat(client.id, body.class_id, payWith)
      : await bookSession({ clientId: client.id, providerId: body.provider_id, sessionTypeId: body.session_type_id, startsAt: body.starts_at }, payWith);
  return getBookingFor(id, client);
}
