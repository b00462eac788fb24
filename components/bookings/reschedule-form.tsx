'use client';

import { useActionState, useId } from 'react';
import { rescheduleBookingAction } from '@/app/bookings/manage-actions';
import { formatLocalDateTime, useBrowserTimeZone } from '@/components/local-date';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/select';
import { ActionMessage } from './action-message';
import { emptyFormState } from '@/lib/form-state';

export interface RescheduleOption {
  /** A class id, or a slot's start (ISO). */
  value: string;
  startsAt: string;
  /** The class title; slots have none. */
  title?: string;
}

/** Picks the other class or free slot to move a booking to; times are shown in the reader's zone. */
export function RescheduleForm({ bookingId, kind, options }: { bookingId: string; kind: 'class' | 'session'; options: RescheduleOption[] }) {
  const [state, action, pending] = useActionState(rescheduleBookingAction, emptyFormState);
  const timeZone = useBrowserTimeZone();
  const selectId = useId();
  const name = kind === 'class' ? 'class_id' : 'starts_at';
  const fieldError = state.fields?.[name]?.join(' ');
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="booking_id" value={bookingId} />
      <div className="flex flex-col gap-2">
        <label htmlFor={selectId} className="text-sm font-medium">
          {kind === 'class' ? 'Move to class' : 'Move to time'}
        </label>
        <NativeSelect id={selectId} name={name} required defaultValue="" aria-invalid={fieldError ? true : undefined}>
          <option value="" disabled>
            {kind === 'class' ? 'Choose a class' : 'Choose a time'}
          </option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {`${o.title ? `${o.title} — ` : ''}${formatLocalDateTime(o.startsAt, timeZone)}`}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="sm:self-start">
        {pending ? 'Rescheduling…' : 'Reschedule'}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}
