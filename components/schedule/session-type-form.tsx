'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState, useEffect, useRef } from 'react';
import { createSessionTypeAction, updateSessionTypeAction } from '@/app/provider/session-types/actions';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { minorToDecimal } from '@/lib/money';
import type { SessionTypeDto } from '@/lib/schedule';
import { FormStatus } from './form-status';
import { emptyFormState } from '@/lib/form-state';

const CURRENCIES = ['gbp', 'usd', 'eur'];

/** Create a session type, or edit one (`existing`). Prices are typed in the chosen currency's major unit, stored in minor units (lib/money). */
export function SessionTypeForm({ existing, defaultCurrency, onDone }: { existing?: SessionTypeDto; defaultCurrency: string; onDone?: () => void }) {
  const [state, formAction, pending] = useActionState(existing ? updateSessionTypeAction : createSessionTypeAction, emptyFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.savedAt) return;
    if (!existing) formRef.current?.reset();
    onDone?.();
  }, [state.savedAt, existing, onDone]);
  const id = existing ? `st-${existing.id.slice(0, 8)}` : 'st-new';
  const currencies = existing && !CURRENCIES.includes(existing.price.currency) ? [existing.price.currency, ...CURRENCIES] : CURRENCIES;

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} />
      {existing ? <input type="hidden" name="id" value={existing.id} /> : null}
      <FormField id={`${id}-name`} name="name" label="Name" required maxLength={100} defaultValue={existing?.name} errors={state.fields?.name} />
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-description`}>Description (optional)</Label>
        <textarea
          id={`${id}-description`}
          name="description"
          maxLength={2000}
          rows={3}
          defaultValue={existing?.description}
          className="rounded-lg border border-border bg-card px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
        />
        {state.fields?.description ? <p className="text-sm text-destructive">{state.fields.description.join(' ')}</p> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${id}-duration`} name="duration_minutes" label="Length (minutes)" type="number" inputMode="numeric" min={5} max={480} step={5} required defaultValue={existing?.duration_minutes ?? 60} errors={state.fields?.duration_minutes} />
        <FormField id={`${id}-buffer`} name="buffer_minutes" label="Break after (minutes)" type="number" inputMode="numeric" min={0} max={240} step={5} defaultValue={existing?.buffer_minutes ?? 0} hint="Kept free after each session." errors={state.fields?.buffer_minutes} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id={`${id}-price`} name="price" label="Price" inputMode="decimal" required placeholder="55.00" defaultValue={existing ? minorToDecimal(existing.price.amount, existing.price.currency) : undefined} hint="0 for free." errors={state.fields?.price} />
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-currency`}>Currency</Label>
          <NativeSelect id={`${id}-currency`} name="currency" defaultValue={existing?.price.currency ?? defaultCurrency}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </NativeSelect>
        </div>
        <FormField id={`${id}-deposit`} name="deposit" label="Deposit (optional)" inputMode="decimal" placeholder="10.00" defaultValue={existing?.deposit ? minorToDecimal(existing.deposit.amount, existing.deposit.currency) : undefined} hint="Charged at booking instead of the full price." errors={state.fields?.deposit} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
          {pending ? 'Saving…' : existing ? 'Save changes' : 'Create session type'}
        </Button>
      </div>
    </form>
  );
}
