'use client';

import { useActionState } from 'react';
import { backfillWebhookEventsAction, replayWebhookEventAction } from '@/app/admin/webhooks/actions';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';
import { FormError } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { emptyFormState } from '@/lib/form-state';
import { backfillWindows } from './labels';

/** "Replay" behind a confirmation: the handler runs again; an applied effect is never applied twice. */
export function ReplayWebhookDialog({ id, type }: { id: string; type: string }) {
  return (
    <ConfirmActionDialog
      action={replayWebhookEventAction}
      fields={{ event_id: id }}
      trigger="Replay…"
      title="Replay this event?"
      description={`The ${type} handler runs again and reads the current object from Stripe. If the event’s effect is already applied nothing changes, and the replay is recorded as a duplicate.`}
      cancelLabel="Keep as it is"
      confirmLabel="Replay"
      pendingLabel="Replaying…"
    />
  );
}

/** Asks Stripe for the events of a recent window and handles those the app never received. */
export function BackfillForm() {
  const [state, action, pending] = useActionState(backfillWebhookEventsAction, emptyFormState);
  return (
    <form action={action} className="flex flex-col gap-3" aria-label="Backfill events from Stripe">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-2">
          <label htmlFor="backfill-hours" className="text-sm font-medium">
            Events created in
          </label>
          <select id="backfill-hours" name="hours" defaultValue="24" className="h-10 rounded-lg border border-border bg-card px-3 text-sm focus-visible:outline-2 focus-visible:outline-ring">
            {backfillWindows.map((w) => (
              <option key={w.hours} value={w.hours}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? 'Asking Stripe…' : 'Backfill missed events'}
        </Button>
      </div>
      <div aria-live="polite" data-testid="backfill-result">
        {state.error ? <FormError message={state.error} /> : state.ok ? <p className="text-sm text-muted-foreground">{state.ok}</p> : null}
      </div>
    </form>
  );
}
