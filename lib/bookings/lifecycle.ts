import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, type Booking, type BookingStatus, waitlistEntries } from '@/db/schema';
import { now } from '@/lib/clock';
import { deliverEarning } from '@/lib/earnings';
import { AppError } from '@/lib/errors';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import type { BookingDto } from './dto';
import { announceCancelled } from './messages';
import { addNotice } from './notices';
import { findBookingRow, getBookingFor } from './queries';
import { releaseHeld } from './holds';
import { refundDueFor, START_EARLY_MINUTES } from './rules';
import { cancelClass as cancelScheduledClass } from '@/lib/schedule';

async function loadFor(id: string, actor: PublicUser): Promise<Booking> {
  const row = await findBookingRow(id, actor);
  if (!row) throw new AppError('not_found', 'No such booking.');
  return row.booking;
}

function cancelledByOf(actor: PublicUser, booking: Booking): 'client' | 'provider' | 'admin' {
  if (actor.id === booking.clientId) return 'client';
  return actor.role === 'admin' ? 'admin' : 'provider';
}

function refused(booking: Booking, action: string): AppError {
  return new AppError('invalid_transition', `A ${booking.status.replace('_', ' ')} booking cannot be ${action}.`);
}

export async function cancelBooking(id: string, actor: PublicUser, reason: string): Promise<BookingDto> {
  const booking = await loadFor(id, actor);
  // The client may cancel without saying why; the practice owes the client a reason.
  if (!reason && cancelledByOf(actor, booking) !== 'client') throw new AppError('validation_failed', 'Give a reason for cancelling.', { fields: { reason: ['Give a reason.'] } });
  const at = now();
  const windowHours = await getSetting('cancellation_window_hours');
  const refundDue = refundDueFor(booking, actor, at, windowHours);
  await getDb().transaction(async (tx) => {
    const [cancelled] = await tx
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: at, cancelledBy: actor.id, cancelReason: reason || null, refundDue, holdExpiresAt: null, updatedAt: at })
      .where(and(eq(bookings.id, id), inArray(bookings.status, ['pending_payment', 'confirmed'])))
      .returning();
    if (!cancelled) throw refused(booking, 'cancelled');
    // Cancelled late with nothing to give back: the seat was kept for the client, so the session counts as delivered.
    if (refundDue === 'none' && booking.status === 'confirmed') await deliverEarning(tx, id, at);
    if (booking.status === 'confirmed') await announceCancelled(tx, id, cancelledByOf(actor, booking), reason, refundDue === 'full' ? (booking.paymentType === 'credit' ? 'credit' : booking.paymentType === 'single' ? 'card' : 'none') : 'none');
    if (actor.id !== booking.clientId) {
      await addNotice(tx, booking.clientId, {
        kind: 'booking_cancelled',
        message: `Your booking on ${booking.startsAt.toISOString()} was cancelled. Reason: ${reason}.${refundDue === 'full' ? ' You will get your payment back.' : ''}`,
        link: `/account/bookings/${id}`,
      });
    }
    await releaseHeld(tx, booking);
  });
  return getBookingFor(id, actor);
}

/** A status change only the provider of the booking (or an admin) may make, from one status to another. */
async function providerTransition(
  id: string,
  actor: PublicUser,
  from: BookingStatus,
  to: BookingStatus,
  action: string,
  check: (b: Booking, at: Date) => string | null,
  extra: (at: Date) => Partial<Booking>,
  delivered = false,
): Promise<BookingDto> {
  const booking = await loadFor(id, actor);
  if (actor.role === 'client') throw new AppError('forbidden', `Only the provider or an admin can mark a booking as ${action}.`);
  const at = now();
  if (booking.status !== from) throw refused(booking, action);
  const problem = check(booking, at);
  if (problem) throw new AppError('invalid_transition', problem);
  await getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(bookings)
      .set({ status: to, ...extra(at), updatedAt: at })
      .where(and(eq(bookings.id, id), eq(bookings.status, from)))
      .returning({ id: bookings.id });
    if (!updated) throw refused(booking, action);
    if (delivered) await deliverEarning(tx, id, at);
  });
  return getBookingFor(id, actor);
}

export function startSession(id: string, actor: PublicUser): Promise<BookingDto> {
  return providerTransition(
    id,
    actor,
    'confirmed',
    'in_progress',
    'started',
    (b, at) => (b.startsAt.getTime() - at.getTime() > START_EARLY_MINUTES * 60_000 ? `A session can be started at most ${START_EARLY_MINUTES} minutes early.` : null),
    (at) => ({ actualStartAt: at }),
  );
}

export function completeSession(id: string, actor: PublicUser): Promise<BookingDto> {
  return providerTransition(id, actor, 'in_progress', 'completed', 'completed', () => null, (at) => ({ actualEndAt: at }), true);
}

export function markNoShow(id: string, actor: PublicUser): Promise<BookingDto> {
  return providerTransition(
    id,
    actor,
    'confirmed',
    'no_show',
    'a no-show',
    (b, at) => (b.startsAt > at ? 'A booking can be marked as a no-show only once it has started.' : null),
    () => ({}),
    // The client's seat was kept: delivered.
    true,
  );
}

/**
 * Cancels a class (its provider or an admin): every active booking in it is
 * cancelled and owed back in full, the waitlist is closed, and each client
 * gets a notice. Returns the bookings it cancelled, for what they are owed to be settled.
 */
export async function cancelClassAndBookings(classId: string, actor: PublicUser, reason: string): Promise<{ cancelled_bookings: number; booking_ids: string[] }> {
  const at = now();
  return getDb().transaction(async (tx) => {
    const cls = await cancelScheduledClass(classId, actor, tx);
    const active = await tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.classId, classId), inArray(bookings.status, ['pending_payment', 'confirmed'])))
      .for('update');
    for (const booking of active) {
      await tx
        .update(bookings)
        .set({
          status: 'cancelled',
          cancelledAt: at,
          cancelledBy: actor.id,
          cancelReason: `Class cancelled: ${reason}`,
          refundDue: refundDueFor(booking, actor, at, 0),
          holdExpiresAt: null,
          updatedAt: at,
        })
        .where(eq(bookings.id, booking.id));
      if (booking.status === 'confirmed') await announceCancelled(tx, booking.id, cancelledByOf(actor, booking), `Class cancelled: ${reason}`, booking.paymentType === 'credit' ? 'credit' : booking.paymentType === 'single' ? 'card' : 'none');
      await addNotice(tx, booking.clientId, {
        kind: 'class_cancelled',
        message: `"${cls.title}" on ${cls.starts_at} was cancelled: ${reason}`,
        link: `/account/bookings/${booking.id}`,
      });
    }
    await tx.update(waitlistEntries).set({ status: 'left', updatedAt: at }).where(and(eq(waitlistEntries.classId, classId), eq(waitlistEntries.status, 'waiting')));
    return { cancelled_bookings: active.length, booking_ids: active.map((b) => b.id) };
  });
}
