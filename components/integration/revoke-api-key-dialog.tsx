'use client';

import { revokeApiKeyAction } from '@/app/admin/api-keys/actions';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';

/** "Revoke" behind a confirmation: the key stops working at once and cannot be restored. */
export function RevokeApiKeyDialog({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionDialog
      action={revokeApiKeyAction}
      fields={{ api_key_id: id }}
      trigger="Revoke…"
      triggerVariant="destructive"
      triggerSize="sm"
      title={`Revoke “${name}”?`}
      description="Every call with this key is refused from now on. This cannot be undone; the integration needs a new key."
      cancelLabel="Keep key"
      confirmLabel="Revoke"
      pendingLabel="Revoking…"
      confirmVariant="destructive"
    />
  );
}
