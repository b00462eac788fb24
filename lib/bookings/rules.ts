import 'server-only';
import type { Booking, BookingStatus } from '@/db/schema';
import type { PublicUser } from '@/lib/users';
import { getSetting, paymentsEnabled } from '@/lib/settings';

/** Bookings that hold a seat or the provider's time. */
export const ACTIVE_STATUSES = ['pending_payment', 'confirmed', 'in_progress'] as const satisfies readonly BookingStatus[];

export function isActive(status: BookingStatus): boolean {
  return (ACTIVE_STATUSES as readonly BookingStatus[]).includes(status);
}

/** A provider may start a session this long before its start. */
export const START_EARLY_MINUTES = 15;

export interface InitialState {
  status: 'pending_payment' | 'confirmed';
  paymentStatus: 'pending' | 'unpaid' | 'credit_used';
  holdExpiresAt: Date | null;
}

/**
 * A priced booking waits for payment and holds its seat for the hold time; a
 * free one, and every booking when payments are switched off, is confirmed at once.
 */
export async function initialState(amountDue: number, at: Date): Promise<InitialState> {
  if (amountDue === 0 || !(await paymentsEnabled())) return { status: 'confirmed', paymentStatus: 'unpaid', holdExpiresAt: null };
  const minutes = await getSetting('hold_minutes');
  return { status: 'pending_payment', paymentStatus: 'pending', holdExpiresAt: new Date(at.getTime() + minutes * 60_000) };
}

/** A booking paid in advance (a class credit) is confirmed at once and holds nothing. */
export const PREPAID_STATE: InitialState = { status: 'confirmed', paymentStatus: 'credit_used', holdExpiresAt: null };

const PAID_STATUSES = ['paid', 'partially_refunded', 'credit_used'] as const;

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

/** The last moment a client can cancel and get everything back: the window (24 h) before the start. */
export function cancellationDeadline(startsAt: Date | string, windowHours: number): Date {
  return new Date(new Date(startsAt).getTime() - windowHours * 3_600_000);
}
