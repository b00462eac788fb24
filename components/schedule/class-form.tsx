'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState, useEffect, useRef } from 'react';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { scheduleClassAction } from '@/app/classes/actions';
import { emptyFormState } from '@/lib/form-state';
import { FormStatus } from './form-status';

const CURRENCIES = ['gbp', 'usd', 'eur'];

/**
 * "Schedule a class": date and time are the practitioner's local time (their zone is named);
 * admins also choose the practitioner.
 */
export function ClassForm({
  providers,
  timeZone,
  defaultCurrency,
}: {
  /** Admins choose from these; absent for a practitioner scheduling their own. */
  providers?: { id: string; name: string; time_zone: string }[];
  timeZone?: string;
  defaultCurrency: string;
}) {
  const [state, formAction, pending] = useActionState(scheduleClassAction, emptyFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.savedAt) formRef.current?.reset();
  }, [state.savedAt]);
  const zoneNote = timeZone ? `in ${timeZone}` : 'in the practitioner’s zone';

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-4">
      <FormStatus state={state} unplacedFields={['_', 'provider_id']} />
      {providers ? (
        <div className="flex flex-col gap-2">
          <Label htmlFor="class-provider">Practitioner</Label>
          <NativeSelect id="class-provider" name="provider_id" defaultValue="" aria-invalid={state.fields?.provider_id ? true : undefined}>
            <option value="">Choose…</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.time_zone})
              </option>
            ))}
          </NativeSelect>
          {state.fields?.provider_id ? <p className="text-sm text-destructive">{state.fields.provider_id.join(' ')}</p> : null}
        </div>
      ) : null}
      <FormField id="class-title" name="title" label="Title" required maxLength={100} errors={state.fields?.title} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="class-description">Description (optional)</Label>
        <textarea id="class-description" name="description" rows={3} maxLength={2000} className="rounded-lg border border-border bg-card px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-ring" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="class-date" name="date" label="Date" type="date" required errors={state.fields?.date} />
        <FormField id="class-time" name="time" label="Start time" type="time" required hint={`Local time ${zoneNote}.`} errors={state.fields?.time} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="class-duration" name="duration_minutes" label="Length (minutes)" type="number" min={5} max={480} step={5} defaultValue={60} required errors={state.fields?.duration_minutes} />
        <FormField id="class-capacity" name="capacity" label="Places" type="number" min={1} max={1000} defaultValue={12} required errors={state.fields?.capacity} />
        <FormField id="class-weeks" name="weeks" label="Repeat weekly for" type="number" min={1} max={52} defaultValue={1} hint="Weeks in all; 1 for a single class." errors={state.fields?.weeks} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="class-price" name="price" label="Price" inputMode="decimal" placeholder="12.00" required hint="0 for a free class." errors={state.fields?.price} />
        <div className="flex flex-col gap-2">
          <Label htmlFor="class-currency">Currency</Label>
          <NativeSelect id="class-currency" name="currency" defaultValue={defaultCurrency}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <FormField id="class-location" name="location" label="Location" maxLength={200} placeholder="Studio A, 12 Mill Lane" hint="A place, an online link, or both." errors={state.fields?.location} />
      <FormField id="class-online" name="online_url" label="Online link" type="url" maxLength={500} placeholder="https://meet.example/your-class" errors={state.fields?.online_url} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
          {pending ? 'Scheduling…' : 'Schedule class'}
        </Button>
      </div>
    </form>
  );
}
