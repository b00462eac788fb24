'use client';

import { useState, type ReactNode } from 'react';
import { cancelBookingAction } from '@/app/bookings/manage-actions';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';

/**
 * "Cancel booking" behind a confirmation: the dialog says what the policy
 * gives back (`policy`) and asks for the reason, which the client may leave
 * out (`byClient`) and a practitioner or admin must give.
 */
export function CancelBookingDialog({
  bookingId,
  what,
  policy,
  byClient = false,
  triggerSize = 'default',
}: {
  bookingId: string;
  what: string;
  policy: ReactNode;
  byClient?: boolean;
  triggerSize?: 'default' | 'sm';
}) {
  const [outcome, setOutcome] = useState<string | undefined>();
  return (
    <>
      <ConfirmActionDialog
        action={cancelBookingAction}
        trigger="Cancel booking"
        triggerVariant="destructive"
        triggerSize={triggerSize}
        confirmVariant="destructive"
        title={`Cancel ${what}?`}
        description={policy}
        confirmLabel="Cancel booking"
        pendingLabel="Cancelling…"
        cancelLabel="Keep booking"
        fields={{ booking_id: bookingId }}
        inputs={[{ name: 'reason', label: byClient ? 'Reason for cancelling (optional)' : 'Reason for cancelling', required: !byClient, maxLength: 500, multiline: true }]}
        onDone={(state) => setOutcome(state.ok)}
      />
      {/* What the cancellation gave back, once the dialog has closed (where the page keeps this form). */}
      {outcome ? (
        <p role="status" aria-live="polite" className="text-sm text-primary" data-testid="cancel-outcome">
          {outcome}
        </p>
      ) : null}
    </>
  );
}
