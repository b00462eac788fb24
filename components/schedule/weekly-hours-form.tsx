'use client';

import { LoaderCircle, Plus, X } from 'lucide-react';
import { useActionState, useState } from 'react';
import { saveWeeklyHoursAction } from '@/app/provider/availability/actions';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { WEEKDAYS } from '@/lib/time-format';
import { FormStatus } from './form-status';
import { emptyFormState } from '@/lib/form-state';

interface Row {
  key: number;
  start: string;
  end: string;
}

let nextKey = 1;

/** Opening hours per weekday (several ranges a day allowed) and the zone they are in; saved as one set. */
export function WeeklyHoursForm({ timeZone, rules, zones }: { timeZone: string; rules: { weekday: number; start: string; end: string }[]; zones: string[] }) {
  const [state, formAction, pending] = useActionState(saveWeeklyHoursAction, emptyFormState);
  const [days, setDays] = useState<Row[][]>(() =>
    WEEKDAYS.map((_, i) => rules.filter((r) => r.weekday === i + 1).map((r) => ({ key: nextKey++, start: r.start, end: r.end }))),
  );
  const update = (day: number, change: (rows: Row[]) => Row[]) => setDays((all) => all.map((rows, i) => (i === day ? change(rows) : rows)));

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <FormStatus state={state} unplacedFields={['rules', 'time_zone']} />
      <div className="flex flex-col gap-2 sm:max-w-sm">
        <Label htmlFor="availability-zone">Time zone</Label>
        <NativeSelect id="availability-zone" name="time_zone" defaultValue={timeZone} aria-describedby="availability-zone-hint">
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </NativeSelect>
        <p id="availability-zone-hint" className="text-xs text-muted-foreground">
          Your hours are in this zone; clients see times with it, across clock changes.
        </p>
      </div>
      <ul className="flex flex-col divide-y divide-border rounded-lg border border-border">
        {WEEKDAYS.map((name, day) => (
          <li key={name} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start">
            <span className="w-32 pt-2 font-medium" id={`weekday-${day + 1}`}>
              {name}
            </span>
            <div className="flex flex-1 flex-col gap-2">
              {days[day]!.length === 0 ? <p className="pt-2 text-sm text-muted-foreground">Closed</p> : null}
              {days[day]!.map((row, i) => (
                <div key={row.key} className="flex flex-wrap items-center gap-2">
                  <Input
                    type="time"
                    name={`start_${day + 1}`}
                    aria-label={`${name} opening ${i + 1} starts`}
                    className="w-32"
                    value={row.start}
                    onChange={(e) => update(day, (rows) => rows.map((r) => (r.key === row.key ? { ...r, start: e.target.value } : r)))}
                  />
                  <span aria-hidden="true">to</span>
                  <Input
                    type="time"
                    name={`end_${day + 1}`}
                    aria-label={`${name} opening ${i + 1} ends`}
                    className="w-32"
                    value={row.end}
                    onChange={(e) => update(day, (rows) => rows.map((r) => (r.key === row.key ? { ...r, end: e.target.value } : r)))}
                  />
                  <Button variant="ghost" size="icon" aria-label={`Remove ${name} opening ${i + 1}`} onClick={() => update(day, (rows) => rows.filter((r) => r.key !== row.key))}>
                    <X aria-hidden="true" />
                  </Button>
                </div>
              ))}
              <div>
                <Button
                  variant="outline"
                  size="sm"
                  aria-describedby={`weekday-${day + 1}`}
                  onClick={() => update(day, (rows) => [...rows, { key: nextKey++, start: rows.length ? rows[rows.length - 1]!.end : '09:00', end: '17:00' }])}
                >
                  <Plus aria-hidden="true" />
                  Add hours
                </Button>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
          {pending ? 'Saving…' : 'Save weekly hours'}
        </Button>
      </div>
    </form>
  );
}
