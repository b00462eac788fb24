'use client';

import { AlertDialog } from 'radix-ui';
import { useActionState, useState } from 'react';
import { setPackageActiveAction } from '@/app/admin/packages/actions';
import { FormStatus } from '@/components/schedule/form-status';
import { Button } from '@/components/ui/button';
import { emptyFormState, type FormState } from '@/lib/form-state';

/** "Retire" behind a confirmation (it comes off sale; credits already sold stay), or "Put back on sale". */
export function PackageActiveToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (prev: FormState, form: FormData) => {
    const next = await setPackageActiveAction(prev, form);
    if (!next.error) setOpen(false);
    return next;
  }, emptyFormState);

  if (!active) {
    return (
      <form action={action} className="flex flex-col gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value="true" />
        <Button type="submit" variant="outline" size="sm" disabled={pending} className="self-start">
          {pending ? 'Restoring…' : 'Put back on sale'}
        </Button>
        <FormStatus state={state} />
      </form>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <AlertDialog.Root open={open} onOpenChange={setOpen}>
        <AlertDialog.Trigger asChild>
          <Button variant="destructive" size="sm" className="self-start">
            Retire
          </Button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-(--radius-card) border border-border bg-card p-6 shadow-lg">
            <AlertDialog.Title className="text-lg font-semibold">Retire {name}?</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-muted-foreground">
              It comes off sale at once and purchases still waiting for a card are closed. Credits already bought keep working until they expire. You can put it back on sale later.
            </AlertDialog.Description>
            <form action={action} className="flex flex-col gap-4">
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="active" value="false" />
              <FormStatus state={state.error ? state : {}} />
              <div className="flex flex-wrap justify-end gap-2">
                <AlertDialog.Cancel asChild>
                  <Button variant="outline">Keep on sale</Button>
                </AlertDialog.Cancel>
                <Button type="submit" variant="destructive" disabled={pending}>
                  {pending ? 'Retiring…' : 'Retire'}
                </Button>
              </div>
            </form>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </div>
  );
}
