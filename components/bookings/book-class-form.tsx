'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState } from 'react';
import { bookClassAction, joinWaitlistAction, leaveWaitlistAction } from '@/app/bookings/book-actions';
import { Button } from '@/components/ui/button';
import { ActionMessage } from './action-message';
import { PayChoice, type CreditOffer } from './pay-choice';
import { emptyFormState } from '@/lib/form-state';

/**
 * "Book this class" for a client; the seat is taken on the server, then the
 * booking's page opens. With a covering credit, the client chooses how to pay.
 */
export function BookClassForm({ classId, credit, priceLabel, byMpesa }: { classId: string; credit?: CreditOffer | null; priceLabel: string; byMpesa?: boolean }) {
  const [state, action, pending] = useActionState(bookClassAction, emptyFormState);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="class_id" value={classId} />
      {credit ? <PayChoice credit={credit} priceLabel={priceLabel} byMpesa={byMpesa} /> : null}
      <Button type="submit" size="lg" disabled={pending} className="sm:self-start">
        {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
        {pending ? 'Booking…' : 'Book this class'}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}

/** A full class: join its waitlist, or (already waiting) see the place in the queue and leave it. */
export function WaitlistForms({ classId, position }: { classId: string; position: number | null }) {
  const [joined, join, joining] = useActionState(joinWaitlistAction, emptyFormState);
  const [left, leave, leaving] = useActionState(leaveWaitlistAction, emptyFormState);
  return (
    <div className="flex flex-col gap-3">
      {position !== null ? <p data-testid="waitlist-position">You are number {position} on the waitlist.</p> : null}
      <div className="flex flex-wrap gap-2">
        {position === null ? (
          <form action={join}>
            <input type="hidden" name="class_id" value={classId} />
            <Button type="submit" disabled={joining}>
              {joining ? 'Joining…' : 'Join the waitlist'}
            </Button>
          </form>
        ) : (
          <form action={leave}>
            <input type="hidden" name="class_id" value={classId} />
            <Button type="submit" variant="outline" disabled={leaving}>
              {leaving ? 'Leaving…' : 'Leave the waitlist'}
            </Button>
          </form>
        )}
      </div>
      <ActionMessage state={joined} />
      <ActionMessage state={left} />
    </div>
  );
}
