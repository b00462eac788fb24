'use client';

import { AlertDialog } from 'radix-ui';
import { useActionState, useId, useState, type ReactNode } from 'react';
import { cancelBookingAction } from '@/app/bookings/manage-actions';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/alert';
import { cn } from '@/components/ui/utils';
import { emptyFormState, type FormState } from '@/lib/form-state';

/**
 * "Cancel booking" behind a confirmation: the dialog says what the policy
 * gives back (`policy`) and asks for the reason, which is required.
 */
export function CancelBookingDialog({ bookingId, what, policy, triggerSize = 'default' }: { bookingId: string; what: string; policy: ReactNode; triggerSize?: 'default' | 'sm' }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (prev: FormState, form: FormData) => {
    const next = await cancelBookingAction(prev, form);
    if (!next.error) setOpen(false);
    return next;
  }, emptyFormState);
  const reasonId = useId();
  const reasonError = state.fields?.reason?.join(' ');
  return (
    <>
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <Button variant="destructive" size={triggerSize}>
            Cancel booking
          </Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-(--radius-card) border border-border bg-card p-6 shadow-lg">
            <AlertDialog.Title className="text-lg font-semibold">Cancel {what}?</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="text-sm text-muted-foreground">{policy}</div>
            </AlertDialog.Description>
            <form action={action} className="flex flex-col gap-4">
              <input type="hidden" name="booking_id" value={bookingId} />
              <div className="flex flex-col gap-2">
                <label htmlFor={reasonId} className="text-sm font-medium">
                  Reason for cancelling
                </label>
                <textarea
                  id={reasonId}
                  name="reason"
                  required
                  maxLength={500}
                  rows={3}
                  aria-invalid={reasonError ? true : undefined}
                  aria-describedby={reasonError ? `${reasonId}-error` : undefined}
                  className={cn(
                    'w-full rounded-lg border border-border bg-card px-3 py-2 text-sm',
                    'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring aria-invalid:border-destructive',
                  )}
                />
                {reasonError ? (
                  <p id={`${reasonId}-error`} className="text-sm text-destructive">
                    {reasonError}
                  </p>
                ) : null}
              </div>
              <FormError message={reasonError ? undefined : state.error} />
              <div className="flex flex-wrap justify-end gap-2">
                <AlertDialog.Cancel asChild>
                  <Button variant="outline">Keep booking</Button>
                </AlertDialog.Cancel>
                <Button type="submit" variant="destructive" disabled={pending}>
                  {pending ? 'Cancelling…' : 'Cancel booking'}
                </Button>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      {/* What the cancellation gave back, once the dialog has closed (where the page keeps this form). */}
      {state.ok ? (
        <p role="status" aria-live="polite" className="text-sm text-primary" data-testid="cancel-outcome">
          {state.ok}
        </p>
      ) : null}
    </>
  );
}
