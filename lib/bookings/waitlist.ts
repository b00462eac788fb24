import 'server-only';
import { and, asc, count, eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { bookings, classes, waitlistEntries } from '@/db/schema';
import { now } from '@/lib/clock';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { assertCanBook } from '@/lib/questionnaire';
import { classBookingValues } from './book';
import { initialState, ACTIVE_STATUSES } from './rules';
import { announceConfirmed, announceWaitlistOffer } from './messages';
import { addNotice } from './notices';
import { takeSeat } from '@/lib/schedule';

export interface Promotion {
  bookingId: string;
  holdExpiresAt: Date | null;
}

/** Joins the waitlist of a full class; the answer says the client's place in the queue. */
export async function joinWaitlist(clientId: string, classId: string): Promise<{ position: number }> {
  const at = now();
  await assertCanBook(clientId, at);
  const db = getDb();
  const [cls] = await db.select().from(classes).where(eq(classes.id, classId)).limit(1);
  if (!cls || cls.cancelledAt) throw new AppError('not_found', 'No such class.');
  if (cls.startsAt <= at) throw new AppError('booking_closed', 'This class has already started.');
  if (cls.seatsTaken < cls.capacity) throw new AppError('conflict', 'This class has free seats: book one instead.');
  const [active] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.classId, classId), eq(bookings.clientId, clientId), inArray(bookings.status, [...ACTIVE_STATUSES])))
    .limit(1);
  if (active) throw new AppError('already_booked', 'You already have a booking in this class.');
  try {
    const [entry] = await db.insert(waitlistEntries).values({ classId, clientId, createdAt: at, updatedAt: at }).returning();
    if (!entry) throw new Error('waitlist entry was not created');
    return { position: await positionOf(classId, entry.createdAt) };
  } catch (err) {
    if (isUniqueViolation(err, 'waitlist_entries_one_waiting_key')) throw new AppError('already_waitlisted', 'You are already on the waitlist for this class.');
    throw err;
  }
}

async function positionOf(classId: string, joinedAt: Date): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.classId, classId), eq(waitlistEntries.status, 'waiting'), lt(waitlistEntries.createdAt, joinedAt)));
  return (row?.n ?? 0) + 1;
}

export async function leaveWaitlist(clientId: string, classId: string): Promise<void> {
  const left = await getDb()
    .update(waitlistEntries)
    .set({ status: 'left', updatedAt: now() })
    .where(and(eq(waitlistEntries.classId, classId), eq(waitlistEntries.clientId, clientId), eq(waitlistEntries.status, 'waiting')))
    .returning({ id: waitlistEntries.id });
  if (left.length === 0) throw new AppError('not_found', 'You are not on the waitlist for this class.');
}

/**
 * Gives a freed seat to the first client waiting, inside the transaction that
 * freed it: a pending_payment hold for a priced class, a confirmed seat for a
 * free one, and a notice on their pages. Clients who meanwhile booked the
 * class some other way are skipped.
 */
export async function promoteNext(tx: Tx, classId: string): Promise<Promotion | null> {
  for (;;) {
    const [entry] = await tx
      .select()
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.classId, classId), eq(waitlistEntries.status, 'waiting')))
      .orderBy(asc(waitlistEntries.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!entry) return null;
    const at = now();
    const [active] = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.classId, classId), eq(bookings.clientId, entry.clientId), inArray(bookings.status, [...ACTIVE_STATUSES])))
      .limit(1);
    if (active) {
      await tx.update(waitlistEntries).set({ status: 'left', updatedAt: at }).where(eq(waitlistEntries.id, entry.id));
      continue;
    }
    const cls = await takeSeat(tx, classId);
    if (!cls || cls.startsAt <= at) return null;
    const state = await initialState(cls.priceAmount, at);
    const [booking] = await tx
      .insert(bookings)
      .values(classBookingValues(cls, entry.clientId, state, at))
      .returning({ id: bookings.id });
    if (!booking) throw new Error('promoted booking was not created');
    await tx
      .update(waitlistEntries)
      .set({ status: 'promoted', promotedBookingId: booking.id, updatedAt: at })
      .where(eq(waitlistEntries.id, entry.id));
    await addNotice(tx, entry.clientId, {
      kind: 'waitlist_promoted',
      message:
        state.status === 'confirmed'
          ? `A seat opened in "${cls.title}" and it is yours: your booking is confirmed.`
          : `A seat opened in "${cls.title}" and it is held for you. Pay before ${state.holdExpiresAt?.toISOString()} to keep it.`,
      link: `/account/bookings/${booking.id}`,
    });
    if (state.holdExpiresAt) await announceWaitlistOffer(tx, booking.id, state.holdExpiresAt);
    else await announceConfirmed(tx, booking.id);
    return { bookingId: booking.id, holdExpiresAt: state.holdExpiresAt };
  }
}

/** The client's place in a class's queue, or null when not waiting. */
export async function waitlistPositionFor(clientId: string, classId: string): Promise<number | null> {
  const [entry] = await getDb()
    .select({ createdAt: waitlistEntries.createdAt })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.classId, classId), eq(waitlistEntries.clientId, clientId), eq(waitlistEntries.status, 'waiting')))
    .limit(1);
  return entry ? positionOf(classId, entry.createdAt) : null;
}

/** Waiting clients of a class, for its page. */
export async function waitlistCount(classId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.classId, classId), eq(waitlistEntries.status, 'waiting')));
  return row?.n ?? 0;
}
