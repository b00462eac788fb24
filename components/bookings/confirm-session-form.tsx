'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState } from 'react';
import { bookSessionAction } from '@/app/bookings/book-actions';
import { Button } from '@/components/ui/button';
import { ActionMessage } from './action-message';
import { PayChoice, type CreditOffer } from './pay-choice';
import { emptyFormState } from '@/lib/form-state';

/**
 * "Confirm booking" for a 1:1 slot; a slot taken meanwhile is said plainly,
 * with the way back. With a covering credit, the client chooses how to pay.
 */
export function ConfirmSessionForm({
  providerId,
  sessionTypeId,
  startsAt,
  backHref,
  credit,
  priceLabel,
  byMpesa,
}: {
  providerId: string;
  sessionTypeId: string;
  startsAt: string;
  backHref: string;
  credit?: CreditOffer | null;
  priceLabel: string;
  byMpesa?: boolean;
}) {
  const [state, action, pending] = useActionState(bookSessionAction, emptyFormState);
  const taken = state.code === 'slot_taken';
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="provider_id" value={providerId} />
      <input type="hidden" name="session_type_id" value={sessionTypeId} />
      <input type="hidden" name="starts_at" value={startsAt} />
      {credit ? <PayChoice credit={credit} priceLabel={priceLabel} byMpesa={byMpesa} /> : null}
      <Button type="submit" size="lg" disabled={pending || taken} className="sm:self-start">
        {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
        {pending ? 'Booking…' : 'Confirm booking'}
      </Button>
      <ActionMessage
        state={taken ? { ...state, error: 'This time was just taken. Please pick another.' } : state}
        backHref={backHref}
        backLabel="Pick another time"
      />
    </form>
  );
}
