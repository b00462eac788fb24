'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState, useEffect, useRef, useState } from 'react';
import { adjustCreditAction } from '@/app/admin/credits/actions';
import { FormField } from '@/components/auth/form-field';
import { FormStatus } from '@/components/schedule/form-status';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { emptyFormState } from '@/lib/form-state';
import { usesLabel } from './labels';

/**
 * "Adjust" one credit: a signed number of classes and a required reason.
 * Taking classes away asks for a second, explicit click (the server insists
 * on it too), naming how many and from whom.
 */
export function AdjustCreditForm({ creditId, creditName, clientName }: { creditId: string; creditName: string; clientName: string }) {
  const [state, action, pending] = useActionState(adjustCreditAction, emptyFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.savedAt) formRef.current?.reset();
  }, [state.savedAt]);
  useEffect(() => {
    if (state.data?.confirm) confirmRef.current?.focus();
  }, [state.data?.confirm]);
  const id = `adjust-${creditId.slice(0, 8)}`;
  // "Keep them" hides this answer's confirmation; the next answer brings a new one.
  const [dismissed, setDismissed] = useState<typeof state | null>(null);
  const confirm = dismissed === state ? undefined : state.data?.confirm;

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-border p-4" data-testid="adjust-credit">
      <h3 className="text-sm font-semibold">Adjust</h3>
      <form ref={formRef} action={action} noValidate className="flex flex-col gap-3" aria-label={`Adjust ${creditName}`}>
        <input type="hidden" name="credit_id" value={creditId} />
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField
            id={`${id}-delta`}
            name="delta"
            label="Classes (+ to add, − to take away)"
            inputMode="numeric"
            placeholder="2 or -1"
            required
            defaultValue={state.values?.delta}
            errors={state.fields?.delta}
          />
          <div className="sm:col-span-2">
            <FormField id={`${id}-reason`} name="reason" label="Reason" required maxLength={500} placeholder="Goodwill for a cancelled class" defaultValue={state.values?.reason} errors={state.fields?.reason} />
          </div>
        </div>
        <div>
          <Button type="submit" variant="outline" disabled={pending}>
            {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
            {pending ? 'Saving…' : 'Adjust'}
          </Button>
        </div>
      </form>
      {confirm ? (
        <form action={action} className="flex flex-col gap-3" data-testid="adjust-confirm">
          <input type="hidden" name="credit_id" value={creditId} />
          <input type="hidden" name="delta" value={confirm.delta} />
          <input type="hidden" name="reason" value={confirm.reason} />
          <input type="hidden" name="confirm" value={confirm.delta} />
          <Alert variant="error">
            Take {usesLabel(-confirm.delta)} away from {clientName}’s {creditName}? Reason: “{confirm.reason}”. The client sees this in their history.
          </Alert>
          <div className="flex flex-wrap gap-2">
            <Button ref={confirmRef} type="submit" variant="destructive" disabled={pending}>
              Yes, take {usesLabel(-confirm.delta)} away
            </Button>
            <Button
              type="button"
              variant="outline"
              onClick={() => {
                setDismissed(state);
                formRef.current?.querySelector<HTMLInputElement>('input[name="delta"]')?.focus();
              }}
            >
              Keep them
            </Button>
          </div>
        </form>
      ) : null}
      <FormStatus state={state} unplacedFields={['credit_id', 'confirm']} />
    </div>
  );
}
