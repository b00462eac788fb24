import type { BookingStatus } from '@/db/schema';

/** Bookings that hold a seat or the provider's time. */
export const ACTIVE_STATUSES = ['pending_payment', 'confirmed', 'in_progress'] as const satisfies readonly BookingStatus[];

export function isActive(status: BookingStatus): boolean {
  return (ACTIVE_STATUSES as readonly BookingStatus[]).includes(status);
}

/** A provider may start a session this long before its start. */
export const START_EARLY_MINUTES = 15;
