'use client';

import { AlertDialog } from 'radix-ui';
import { useActionState, useState } from 'react';
import { resendMessageAction } from '@/app/admin/mail/actions';
import { ActionMessage } from '@/components/bookings/action-message';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { emptyFormState, type FormState } from '@/lib/form-state';

/** "Resend" behind a confirmation: a failed message gets one more attempt. */
export function ResendMessageDialog({ id, recipient }: { id: string; recipient: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (prev: FormState, form: FormData) => {
    const next = await resendMessageAction(prev, form);
    if (!next.error) setOpen(false);
    return next;
  }, emptyFormState);
  return (
    <div className="flex flex-col gap-2">
      {!open ? <ActionMessage state={state} /> : null}
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <Button className="self-start">Resend…</Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-(--radius-card) border border-border bg-card p-6 shadow-lg">
            <AlertDialog.Title className="text-lg font-semibold">Resend this message?</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-muted-foreground">
              It is sent again to {recipient}, with the same Message-ID, so a mail client that already has it shows it once.
            </AlertDialog.Description>
            <form action={action} className="flex flex-col gap-4">
              <input type="hidden" name="message_id" value={id} />
              <FormError message={state.error} />
              <div className="flex flex-wrap justify-end gap-2">
                <AlertDialog.Cancel asChild>
                  <Button variant="outline">Keep as it is</Button>
                </AlertDialog.Cancel>
                <Button type="submit" disabled={pending}>
                  {pending ? 'Resending…' : 'Resend'}
                </Button>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </div>
  );
}
