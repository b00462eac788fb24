import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, type Booking, type BookingStatus } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users/public-user';
import type { BookingDto } from './dto';
import { addNotice } from './notices';
import { findBookingRow, getBookingFor } from './queries';
import { releaseHeld } from './release';
import { START_EARLY_MINUTES } from './statuses';

const PAID_STATUSES = ['paid', 'partially_refunded', 'credit_used'] as const;

async function loadFor(id: string, actor: PublicUser): Promise<Booking> {
  const row = await findBookingRow(id, actor);
  if (!row) throw new AppError('not_found', 'No such booking.');
  return row.booking;
}

function refused(booking: Booking, action: string): AppError {
  return new AppError('invalid_transition', `A ${booking.status.replace('_', ' ')} booking cannot be ${action}.`);
}

/**
 * The cancellation policy of PRODUCT.md: a client cancelling at least the
 * window (24 h) before the start is owed everything back; later, nothing.
 * A provider or admin cancellation always owes everything back. Nothing is
 * owed when nothing was paid.
 */
export function refundDueFor(booking: Pick<Booking, 'paymentStatus' | 'startsAt'>, actor: PublicUser, at: Date, windowHours: number): 'full' | 'none' {
  if (!(PAID_STATUSES as readonly string[]).includes(booking.paymentStatus)) return 'none';
  if (actor.role !== 'client') return 'full';
  return booking.startsAt.getTime() - at.getTime() >= windowHours * 3_600_000 ? 'full' : 'none';
}

export async function cancelBooking(id: string, actor: PublicUser, reason: string): Promise<BookingDto> {
  const booking = await loadFor(id, actor);
  const at = now();
  const windowHours = await getSetting('cancellation_window_hours');
  const refundDue = refundDueFor(booking, actor, at, windowHours);
  await getDb().transaction(async (tx) => {
    const [cancelled] = await tx
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: at, cancelledBy: actor.id, cancelReason: reason, refundDue, holdExpiresAt: null, updatedAt: at })
      .where(and(eq(bookings.id, id), inArray(bookings.status, ['pending_payment', 'confirmed'])))
      .returning();
    if (!cancelled) throw refused(booking, 'cancelled');
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
): Promise<BookingDto> {
  const booking = await loadFor(id, actor);
  if (actor.role === 'client') throw new AppError('forbidden', `Only the provider or an admin can mark a booking as ${action}.`);
  const at = now();
  if (booking.status !== from) throw refused(booking, action);
  const problem = check(booking, at);
  if (problem) throw new AppError('invalid_transition', problem);
  const [updated] = await getDb()
    .update(bookings)
    .set({ status: to, ...extra(at), updatedAt: at })
    .where(and(eq(bookings.id, id), eq(bookings.status, from)))
    .returning({ id: bookings.id });
  if (!updated) throw refused(booking, action);
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
  return providerTransition(id, actor, 'in_progress', 'completed', 'completed', () => null, (at) => ({ actualEndAt: at }));
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
  );
}
