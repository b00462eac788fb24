'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState, useEffect, useRef } from 'react';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { scheduleClassAction } from '@/app/classes/actions';
import { updateClassAction } from '@/app/provider/classes/[id]/actions';
import { emptyFormState } from '@/lib/form-state';
import { FormStatus } from './form-status';

const CURRENCIES = ['gbp', 'usd', 'eur'];

/** A class as the edit form starts from: its fields as typed, the date and time in the practitioner's zone. */
export interface ClassFormValues {
  title: string;
  description: string;
  date: string;
  time: string;
  duration_minutes: number;
  capacity: number;
  /** "12.00" */
  price: string;
  currency: string;
  location: string;
  online_url: string;
}

/**
 * "Schedule a class" (or, with `edit`, "Edit class"): date and time are the
 * practitioner's local time (their zone is named); admins scheduling also
 * choose the practitioner. Once someone has paid, the price is shown but not sent.
 */
export function ClassForm({
  providers,
  timeZone,
  defaultCurrency,
  edit,
}: {
  /** Admins choose from these; absent for a practitioner scheduling their own. */
  providers?: { id: string; name: string; time_zone: string }[];
  timeZone?: string;
  defaultCurrency: string;
  edit?: { classId: string; values: ClassFormValues; priceLocked: boolean; minCapacity: number };
}) {
  const [state, formAction, pending] = useActionState(edit ? updateClassAction : scheduleClassAction, emptyFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.savedAt && !edit) formRef.current?.reset();
  }, [state.savedAt, edit]);
  const zoneNote = timeZone ? `in ${timeZone}` : 'in the practitioner’s zone';
  const v = edit?.values;
  const id = (name: string) => (edit ? `edit-class-${name}` : `class-${name}`);

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
      {edit ? <input type="hidden" name="class_id" value={edit.classId} /> : null}
      <FormField id={id('title')} name="title" label="Title" required maxLength={100} defaultValue={v?.title} errors={state.fields?.title} />
      <div className="flex flex-col gap-2">
        <Label htmlFor={id('description')}>Description (optional)</Label>
        <textarea id={id('description')} name="description" rows={3} maxLength={2000} defaultValue={v?.description} className="rounded-lg border border-border bg-card px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-ring" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={id('date')} name="date" label="Date" type="date" required defaultValue={v?.date} errors={state.fields?.date} />
        <FormField id={id('time')} name="time" label="Start time" type="time" required defaultValue={v?.time} hint={`Local time ${zoneNote}.`} errors={state.fields?.time} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id={id('duration')} name="duration_minutes" label="Length (minutes)" type="number" min={5} max={480} step={5} defaultValue={v?.duration_minutes ?? 60} required errors={state.fields?.duration_minutes} />
        <FormField
          id={id('capacity')}
          name="capacity"
          label="Places"
          type="number"
          min={Math.max(1, edit?.minCapacity ?? 1)}
          max={1000}
          defaultValue={v?.capacity ?? 12}
          required
          hint={edit?.minCapacity ? `At least ${edit.minCapacity}: the seats already booked.` : undefined}
          errors={state.fields?.capacity}
        />
        {edit ? null : (
          <FormField id="class-weeks" name="weeks" label="Repeat weekly for" type="number" min={1} max={52} defaultValue={1} hint="Weeks in all; 1 for a single class." errors={state.fields?.weeks} />
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id={id('price')}
          // Not sent once someone has paid: the server keeps the price (and refuses a change anyway).
          name={edit?.priceLocked ? 'locked_price' : 'price'}
          label="Price"
          inputMode="decimal"
          placeholder="12.00"
          required
          disabled={edit?.priceLocked}
          defaultValue={v?.price}
          hint={edit?.priceLocked ? 'Fixed: someone has already paid for a seat.' : '0 for a free class.'}
          errors={state.fields?.price}
        />
        <div className="flex flex-col gap-2">
          <Label htmlFor={id('currency')}>Currency</Label>
          <NativeSelect id={id('currency')} name="currency" defaultValue={v?.currency ?? defaultCurrency} disabled={edit?.priceLocked}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <FormField id={id('location')} name="location" label="Location" maxLength={200} placeholder="Studio A, 12 Mill Lane" defaultValue={v?.location} hint="A place, an online link, or both." errors={state.fields?.location} />
      <FormField id={id('online')} name="online_url" label="Online link" type="url" maxLength={500} placeholder="https://meet.example/your-class" defaultValue={v?.online_url} errors={state.fields?.online_url} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
          {edit ? (pending ? 'Saving…' : 'Save changes') : pending ? 'Scheduling…' : 'Schedule class'}
        </Button>
      </div>
    </form>
  );
}
