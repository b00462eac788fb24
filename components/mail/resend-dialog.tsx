'use client';

import { resendMessageAction } from '@/app/admin/mail/actions';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';

/** "Resend" behind a confirmation: a failed message gets one more attempt. */
export function ResendMessageDialog({ id, recipient }: { id: string; recipient: string }) {
  return (
    <ConfirmActionDialog
      action={resendMessageAction}
      fields={{ message_id: id }}
      trigger="Resend…"
      title="Resend this message?"
      description={`It is sent again to ${recipient}, with the same Message-ID, so a mail client that already has it shows it once.`}
      cancelLabel="Keep as it is"
      confirmLabel="Resend"
      pendingLabel="Resending…"
    />
  );
}
