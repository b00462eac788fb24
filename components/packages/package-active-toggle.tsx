'use client';

import { useActionState } from 'react';
import { setPackageActiveAction } from '@/app/admin/packages/actions';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';
import { FormStatus } from '@/components/schedule/form-status';
import { Button } from '@/components/ui/button';
import { emptyFormState } from '@/lib/form-state';

/** "Retire" behind a confirmation (it comes off sale; credits already sold stay), or "Put back on sale". */
export function PackageActiveToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const [state, action, pending] = useActionState(setPackageActiveAction, emptyFormState);

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
    <ConfirmActionDialog
      action={setPackageActiveAction}
      trigger="Retire"
      triggerVariant="destructive"
      triggerSize="sm"
      triggerClassName="self-start"
      confirmVariant="destructive"
      title={`Retire ${name}?`}
      description="It comes off sale at once and purchases still waiting for a card are closed. Credits already bought keep working until they expire. You can put it back on sale later."
      confirmLabel="Retire"
      pendingLabel="Retiring…"
      cancelLabel="Keep on sale"
      fields={{ id, active: 'false' }}
    />
  );
}
