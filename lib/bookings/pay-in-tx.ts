import type { Tx } from '@/db/client';

/** What a booking is for, as something that pays for it in advance (a class credit) sees it. */
export type BookingTarget = { kind: 'class'; classId: string; seriesId: string | null } | { kind: 'session'; sessionTypeId: string };

export interface BookingToPay {
  id: string;
  clientId: string;
  target: BookingTarget;
  at: Date;
}

/**
 * Pays for a booking inside the booking's own transaction (a class credit):
 * the booking is confirmed at once, and if paying throws, the booking, its
 * seat and its time are rolled back with it. Bookings know nothing more of
 * what pays; the flow that books passes this in.
 */
export type PayInTransaction = (tx: Tx, booking: BookingToPay) => Promise<void>;
