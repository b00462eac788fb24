import { BookingStepButtons } from '@/components/bookings/booking-step-buttons';
import { paymentLabel } from '@/components/bookings/labels';
import { ClientQuestionnaireBadge } from '@/components/bookings/questionnaire-badge';
import { BookingStatusBadge } from '@/components/bookings/status-badge';
import { stepsFor } from '@/components/bookings/staff-steps';
import type { BookingDto } from '@/lib/bookings';
import type { QuestionnaireStatus } from '@/lib/questionnaire';

/** How a seat was paid for, in the words a teacher checks at the door. */
export function seatPayment(b: BookingDto): string {
  if (b.payment_type === 'credit' && b.payment_status === 'credit_used') return 'Paid with a credit';
  if (b.payment_status === 'paid' || b.payment_status === 'partially_refunded') return 'Paid by card';
  return paymentLabel(b);
}

/** Bookings of a class that did not or will not take a seat. */
export function isCalledOff(b: Pick<BookingDto, 'status'>): boolean {
  return b.status === 'cancelled' || b.status === 'expired';
}

/**
 * Everyone booked into a class: their health questionnaire in words, how they
 * paid, their booking's status, and check-in (the booking in progress) or
 * no-show, each when the booking's rules allow it (the server checks again).
 */
export function ClassRoster({ bookings, statuses, at }: { bookings: BookingDto[]; statuses: ReadonlyMap<string, QuestionnaireStatus>; at: Date }) {
  if (!bookings.length) return <p className="text-sm text-muted-foreground">No one is booked yet.</p>;
  return (
    <ul className="divide-y divide-border" aria-label="Clients booked">
      {bookings.map((b) => (
        <li key={b.id} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between" data-testid="roster-client">
          <div className="flex flex-col gap-1">
            <p className="font-medium">
              {b.client.name} <span className="break-all text-sm font-normal text-muted-foreground">· {b.client.email}</span>
            </p>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <ClientQuestionnaireBadge clientId={b.client.id} status={statuses.get(b.client.id)} />
              <BookingStatusBadge booking={b} />
              <span className="text-muted-foreground" data-testid="seat-payment">
                {seatPayment(b)}
              </span>
            </div>
          </div>
          {/* Completing is for the whole class ("Complete the class"); here, who came and who did not. */}
          <BookingStepButtons bookingId={b.id} steps={stepsFor(b, at).filter((s) => s !== 'complete')} what={b.client.name} names={{ start: 'Check in' }} />
        </li>
      ))}
    </ul>
  );
}
