import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, sessionTypes, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { isExclusionViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/http/errors';
import { scheduleHoldExpiry } from '@/lib/jobs/queue';
import { platformFee } from '@/lib/money';
import { assertCanBook } from '@/lib/questionnaire/eligibility';
import { isOfferedSlot } from '@/lib/schedule/slots';
import { initialState, PREPAID_STATE } from './holds-policy';
import type { PayInTransaction } from './pay-in-tx';
import { ACTIVE_STATUSES } from './statuses';

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
      if (state.holdExpiresAt) await scheduleHoldExpiry(tx, inserted.id, state.holdExpiresAt);
      return inserted.id;
    });
  } catch (err) {
    if (isExclusionViolation(err, 'bookings_no_overlap')) throw new AppError('slot_taken', SLOT_TAKEN);
    throw err;
  }
  return bookingId;
}
