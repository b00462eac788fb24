'use client';

import { AlertDialog } from 'radix-ui';
import { useActionState, useId, useState } from 'react';
import { refundPaymentAction } from '@/app/payments/actions';
import { ActionMessage } from '@/components/bookings/action-message';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/alert';
import { Input } from '@/components/ui/input';
import { cn } from '@/components/ui/utils';
import { emptyFormState, type FormState } from '@/lib/form-state';

/**
 * "Refund" behind a confirmation: an optional amount in major units (empty
 * refunds what remains) and a required reason. Stripe's own refusal is shown as it is.
 */
export function RefundDialog({ paymentId, remainingLabel, currency }: { paymentId: string; remainingLabel: string; currency: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (prev: FormState, form: FormData) => {
    const next = await refundPaymentAction(prev, form);
    if (!next.error) setOpen(false);
    return next;
  }, emptyFormState);
  const amountId = useId();
  const reasonId = useId();
  const amountError = state.fields?.amount?.join(' ');
  const reasonError = state.fields?.reason?.join(' ');
  return (
    <div className="flex flex-col gap-3">
      {!open ? <ActionMessage state={state} /> : null}
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <Button variant="destructive">Refund…</Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-(--radius-card) border border-border bg-card p-6 shadow-lg">
            <AlertDialog.Title className="text-lg font-semibold">Refund this payment?</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-muted-foreground">
              Up to {remainingLabel} can be refunded to the client’s card. The platform fee and the practitioner’s share shrink in proportion. This cannot be undone.
            </AlertDialog.Description>
            <form action={action} className="flex flex-col gap-4">
              <input type="hidden" name="payment_id" value={paymentId} />
              <div className="flex flex-col gap-2">
                <label htmlFor={amountId} className="text-sm font-medium">
                  Amount ({currency.toUpperCase()}, optional)
                </label>
                <Input
                  id={amountId}
                  name="amount"
                  inputMode="decimal"
                  placeholder={`Everything that remains (${remainingLabel})`}
                  autoComplete="off"
                  aria-invalid={amountError ? true : undefined}
                  aria-describedby={amountError ? `${amountId}-error` : undefined}
                />
                {amountError ? (
                  <p id={`${amountId}-error`} className="text-sm text-destructive">
                    {amountError}
                  </p>
                ) : null}
              </div>
              <div className="flex flex-col gap-2">
                <label htmlFor={reasonId} className="text-sm font-medium">
                  Reason
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
              <FormError message={amountError || reasonError ? undefined : state.error} />
              <div className="flex flex-wrap justify-end gap-2">
                <AlertDialog.Cancel asChild>
                  <Button variant="outline">Keep payment</Button>
                </AlertDialog.Cancel>
                <Button type="submit" variant="destructive" disabled={pending}>
                  {pending ? 'Refunding…' : 'Refund'}
                </Button>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </div>
  );
}
