'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState } from 'react';
import { payBookingWithCreditAction } from '@/app/bookings/book-actions';
import { ActionMessage } from '@/components/bookings/action-message';
import type { CreditOffer } from '@/components/bookings/pay-choice';
import { LocalDate } from '@/components/local-date';
import { Button } from '@/components/ui/button';
import { emptyFormState } from '@/lib/form-state';

/** "Use a credit instead" on the pay page: one use pays the booking at once and any card payment started is cancelled. */
export function UseCreditForm({ bookingId, credit }: { bookingId: string; credit: CreditOffer }) {
  const [state, action, pending] = useActionState(payBookingWithCreditAction, emptyFormState);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="use-credit-form">
      <input type="hidden" name="booking_id" value={bookingId} />
      <p className="text-sm">
        You have {credit.usesLeft} {credit.usesLeft === 1 ? 'class' : 'classes'} on your credits; the next expires <LocalDate iso={credit.nextExpiresAt} />.
      </p>
      <Button type="submit" variant="outline" disabled={pending} className="sm:self-start">
        {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
        {pending ? 'Using a credit…' : 'Use a credit instead'}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}
