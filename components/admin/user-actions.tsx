'use client';

import { useId, useState } from 'react';
import { changeRoleAction, renameUserAction, setActiveAction } from '@/app/admin/users/actions';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import type { UserRole } from '@/lib/users';

const roles: readonly UserRole[] = ['client', 'provider', 'admin'];

export interface UserActionsProps {
  id: string;
  name: string;
  role: UserRole;
  active: boolean;
  /** The signed-in admin's own row: no role change or deactivation. */
  self: boolean;
  /** Each role's name, the providers' in the practice's own word. */
  labels: Record<UserRole, string>;
}

/** Change role, rename, deactivate or reactivate: each behind a confirmation, through the same lib call as PATCH /api/v1/users/:id. */
export function UserActions({ id, name, role, active, self, labels }: UserActionsProps) {
  const selectId = useId();
  // One outcome line under the buttons, whichever dialog answered last.
  const [note, setNote] = useState('');
  const done = (state: { ok?: string }) => setNote(state.ok ?? '');
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {!self ? (
          <ConfirmActionDialog
            action={changeRoleAction}
            trigger="Change role"
            triggerVariant="outline"
            triggerSize="sm"
            title={`Change ${name}’s role`}
            description={`The new role applies from their next request, in the browser and through the API. Making someone a ${labels.provider.toLowerCase()} gives them a profile to fill in; taking the role away leaves their bookings as they are.`}
            confirmLabel="Change role"
            pendingLabel="Changing…"
            fields={{ user_id: id }}
            onDone={done}
          >
            <div className="flex flex-col gap-2">
              <Label htmlFor={selectId}>New role</Label>
              <NativeSelect id={selectId} name="role" defaultValue={role}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {labels[r]}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </ConfirmActionDialog>
        ) : null}
        <ConfirmActionDialog
          action={renameUserAction}
          trigger="Rename"
          triggerVariant="outline"
          triggerSize="sm"
          title={`Rename ${name}`}
          description="The name shown on their bookings, receipts and e-mails from now on."
          confirmLabel="Rename"
          pendingLabel="Renaming…"
          fields={{ user_id: id }}
          inputs={[{ name: 'name', label: 'Name', required: true, maxLength: 100 }]}
          onDone={done}
        />
        {self ? null : active ? (
          <ConfirmActionDialog
            action={setActiveAction}
            trigger="Deactivate"
            triggerVariant="destructive"
            triggerSize="sm"
            confirmVariant="destructive"
            title={`Deactivate ${name}?`}
            description="They are signed out everywhere at once, every API token stops working, and they cannot sign in until reactivated. Their upcoming bookings stay booked: they are listed on this page for you to cancel, with refunds by policy."
            confirmLabel="Deactivate"
            pendingLabel="Deactivating…"
            cancelLabel="Keep active"
            fields={{ user_id: id, active: 'false' }}
            onDone={done}
          />
        ) : (
          <ConfirmActionDialog
            action={setActiveAction}
            trigger="Reactivate"
            triggerVariant="outline"
            triggerSize="sm"
            title={`Reactivate ${name}?`}
            description="They can sign in again with their password. Sessions and tokens ended at deactivation stay ended."
            confirmLabel="Reactivate"
            pendingLabel="Reactivating…"
            fields={{ user_id: id, active: 'true' }}
            onDone={done}
          />
        )}
      </div>
      <p role="status" aria-live="polite" className="text-sm text-primary empty:hidden">
        {note}
      </p>
    </div>
  );
}
