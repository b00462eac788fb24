'use client';

import { AlertDialog } from 'radix-ui';
import { useActionState, useState } from 'react';
import { revokeApiKeyAction } from '@/app/admin/api-keys/actions';
import { ActionMessage } from '@/components/bookings/action-message';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { emptyFormState, type FormState } from '@/lib/form-state';

/** "Revoke" behind a confirmation: the key stops working at once and cannot be restored. */
export function RevokeApiKeyDialog({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (prev: FormState, form: FormData) => {
    const next = await revokeApiKeyAction(prev, form);
    if (!next.error) setOpen(false);
    return next;
  }, emptyFormState);
  return (
    <div className="flex flex-col gap-2">
      {!open ? <ActionMessage state={state} /> : null}
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <Button variant="destructive" size="sm">
            Revoke…
          </Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-(--radius-card) border border-border bg-card p-6 shadow-lg">
            <AlertDialog.Title className="text-lg font-semibold">Revoke “{name}”?</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-muted-foreground">
              Every call with this key is refused from now on. This cannot be undone; the integration needs a new key.
            </AlertDialog.Description>
            <form action={action} className="flex flex-col gap-4">
              <input type="hidden" name="api_key_id" value={id} />
              <FormError message={state.error} />
              <div className="flex flex-wrap justify-end gap-2">
                <AlertDialog.Cancel asChild>
                  <Button variant="outline">Keep key</Button>
                </AlertDialog.Cancel>
                <Button type="submit" variant="destructive" disabled={pending}>
                  {pending ? 'Revoking…' : 'Revoke'}
                </Button>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </div>
  );
}
