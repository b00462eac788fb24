'use client';

import { useActionState } from 'react';
import { bookingStepAction } from '@/app/bookings/manage-actions';
import { Button } from '@/components/ui/button';
import { ActionMessage } from './action-message';
import { emptyFormState } from '@/lib/form-state';

export type BookingStep = 'start' | 'complete' | 'no_show';

const labels: Record<BookingStep, string> = { start: 'Start', complete: 'Complete', no_show: 'No-show' };

/** The provider's (or admin's) next steps for a booking; the server decides whether each is allowed now. */
export function BookingStepButtons({ bookingId, steps, what, names = {} }: { bookingId: string; steps: BookingStep[]; what: string; names?: Partial<Record<BookingStep, string>> }) {
  const [state, action, pending] = useActionState(bookingStepAction, emptyFormState);
  if (steps.length === 0) return null;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="booking_id" value={bookingId} />
      <div className="flex flex-wrap gap-2">
        {steps.map((step) => (
          <Button
            key={step}
            type="submit"
            name="step"
            value={step}
            size="sm"
            variant={step === 'no_show' ? 'outline' : 'default'}
            disabled={pending}
            aria-label={`${names[step] ?? labels[step]}: ${what}`}
          >
            {names[step] ?? labels[step]}
          </Button>
        ))}
      </div>
      <ActionMessage state={state} />
    </form>
  );
}
