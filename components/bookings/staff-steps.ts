import { type BookingDto, START_EARLY_MINUTES } from '@/lib/bookings';
import type { BookingStep } from './booking-step-buttons';

/** The steps a provider or admin can take on a booking now (the server checks them again). */
export function stepsFor(b: Pick<BookingDto, 'status' | 'starts_at'>, at: Date): BookingStep[] {
  const startsIn = new Date(b.starts_at).getTime() - at.getTime();
  if (b.status === 'in_progress') return ['complete'];
  if (b.status !== 'confirmed') return [];
  const steps: BookingStep[] = [];
  if (startsIn <= START_EARLY_MINUTES * 60_000) steps.push('start');
  if (startsIn <= 0) steps.push('no_show');
  return steps;
}

export function isCancellable(b: Pick<BookingDto, 'status'>): boolean {
  return b.status === 'pending_payment' || b.status === 'confirmed';
}
