'use client';

import { LoaderCircle, Trash2 } from 'lucide-react';
import { useActionState, useEffect, useRef, useState } from 'react';
import { addExceptionAction, removeExceptionAction } from '@/app/provider/availability/actions';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import type { ExceptionDto } from '@/lib/schedule';
import { formatDayHeading } from '@/lib/time-format';
import { FormStatus } from './form-status';
import { emptyFormState } from '@/lib/form-state';


function RemoveException({ item }: { item: ExceptionDto }) {
  const [state, formAction, pending] = useActionState(removeExceptionAction, emptyFormState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={item.id} />
      {state.error ? <span className="text-sm text-destructive" role="alert">{state.error}</span> : null}
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Remove the exception on ${formatDayHeading(item.date)}`}>
        {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : <Trash2 aria-hidden="true" />}
        Remove
      </Button>
    </form>
  );
}

/** Dates that differ from the weekly hours: a list with remove buttons, and a form to add one. */
export function ExceptionsEditor({ exceptions, timeZone }: { exceptions: ExceptionDto[]; timeZone: string }) {
  const [state, formAction, pending] = useActionState(addExceptionAction, emptyFormState);
  const [kind, setKind] = useState<'off' | 'hours'>('off');
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.savedAt) formRef.current?.reset();
  }, [state.savedAt]);

  return (
    <div className="flex flex-col gap-6">
      {exceptions.length ? (
        <ul className="flex flex-col divide-y divide-border rounded-lg border border-border">
          {exceptions.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <p className="font-medium">{formatDayHeading(e.date)}</p>
                <p className="text-sm text-muted-foreground">
                  {e.start ? `Open ${e.start}–${e.end} (${timeZone})` : 'Off all day'}
                  {e.note ? ` · ${e.note}` : ''}
                </p>
              </div>
              <RemoveException item={e} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-center text-sm text-muted-foreground">
          No exceptions. Your weekly hours apply every week.
        </p>
      )}

      <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-4 rounded-lg border border-border p-4">
        <h3 className="font-semibold">Add an exception</h3>
        <FormStatus state={state} unplacedFields={['_']} />
        <FormField id="exception-date" name="date" label="Date" type="date" required errors={state.fields?.date} />
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">That day</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value="off" checked={kind === 'off'} onChange={() => setKind('off')} /> Off all day
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value="hours" checked={kind === 'hours'} onChange={() => setKind('hours')} /> Open at other hours
          </label>
        </fieldset>
        {kind === 'hours' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="exception-start" name="start" label={`From (${timeZone})`} type="time" errors={state.fields?.start} />
            <FormField id="exception-end" name="end" label={`To (${timeZone})`} type="time" errors={state.fields?.end} />
          </div>
        ) : null}
        <FormField id="exception-note" name="note" label="Note (optional)" maxLength={200} errors={state.fields?.note} />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
            {pending ? 'Adding…' : 'Add exception'}
          </Button>
        </div>
      </form>
    </div>
  );
}
