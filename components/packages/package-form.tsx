'use client';

import { LoaderCircle } from 'lucide-react';
import { useActionState, useEffect, useRef, useState } from 'react';
import { createPackageAction, updatePackageAction } from '@/app/admin/packages/actions';
import { FormField } from '@/components/auth/form-field';
import { FormStatus } from '@/components/schedule/form-status';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { emptyFormState } from '@/lib/form-state';
import { formatBps, minorToDecimal } from '@/lib/money';
import type { PackageDto } from '@/lib/packages';

const CURRENCIES = ['gbp', 'usd', 'eur'];
const SCOPES = ['all', 'selected', 'none'] as const;

/** Upcoming classes to scope a package to, grouped by weekly series (a series option covers all its classes). */
export interface ScopeClassGroup {
  label: string;
  seriesId: string | null;
  classes: { id: string; label: string }[];
}

export interface ScopeSessionType {
  id: string;
  label: string;
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? (
    <p id={id} className="text-sm text-destructive">
      {messages.join(' ')}
    </p>
  ) : null;
}

/** Create a package, or edit one (`existing`). The price is typed in the chosen currency, the fee in percent; the server converts (lib/money) and validates. */
export function PackageForm({ existing, defaultCurrency, classGroups, sessionTypes }: { existing?: PackageDto; defaultCurrency: string; classGroups: ScopeClassGroup[]; sessionTypes: ScopeSessionType[] }) {
  const [state, action, pending] = useActionState(existing ? updatePackageAction : createPackageAction, emptyFormState);
  const [scope, setScope] = useState(existing?.scope.classes ?? 'all');
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.savedAt && !existing) formRef.current?.reset();
  }, [state.savedAt, existing]);
  const id = existing ? `pkg-${existing.id.slice(0, 8)}` : 'pkg-new';
  const f = state.fields ?? {};
  // What was typed, after an error; else the package's own values.
  const v = state.values;

  return (
    <form ref={formRef} action={action} onReset={() => setScope(SCOPES.find((c) => c === state.values?.scope) ?? existing?.scope.classes ?? 'all')} noValidate className="flex flex-col gap-4" aria-label={existing ? `Edit ${existing.name}` : 'New package'}>
      {existing ? <input type="hidden" name="id" value={existing.id} /> : null}
      <FormField id={`${id}-name`} name="name" label="Name" required maxLength={80} defaultValue={v?.name ?? existing?.name} errors={f.name} />
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-description`}>Description (optional)</Label>
        <textarea
          id={`${id}-description`}
          name="description"
          maxLength={500}
          rows={2}
          defaultValue={v?.description ?? existing?.description}
          aria-describedby={f.description ? `${id}-description-error` : undefined}
          className="rounded-lg border border-border bg-card px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
        />
        <FieldError id={`${id}-description-error`} messages={f.description} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${id}-count`} name="class_count" label="Classes" inputMode="numeric" required defaultValue={v?.class_count ?? existing?.class_count} errors={f.class_count} />
        <FormField id={`${id}-validity`} name="validity_days" label="Valid for (days)" inputMode="numeric" required defaultValue={v?.validity_days ?? existing?.validity_days ?? 90} hint="Counted from the purchase." errors={f.validity_days} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id={`${id}-price`} name="price" label="Price" inputMode="decimal" required placeholder="100.00" defaultValue={v?.price ?? (existing ? minorToDecimal(existing.price.amount, existing.price.currency) : undefined)} errors={f.price} />
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-currency`}>Currency</Label>
          <NativeSelect id={`${id}-currency`} name="currency" defaultValue={existing?.price.currency ?? defaultCurrency}>
            {(existing && !CURRENCIES.includes(existing.price.currency) ? [existing.price.currency, ...CURRENCIES] : CURRENCIES).map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </NativeSelect>
          <FieldError id={`${id}-currency-error`} messages={f.currency} />
        </div>
        <FormField
          id={`${id}-fee`}
          name="fee_percent"
          label="Platform fee (%, optional)"
          inputMode="decimal"
          placeholder="15"
          defaultValue={v?.fee_percent ?? (existing ? formatBps(existing.platform_fee_bps) : undefined)}
          hint="Empty: the platform’s default."
          errors={f.fee_percent}
        />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-scope`}>Classes the credits pay for</Label>
        <NativeSelect id={`${id}-scope`} name="scope" value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
          <option value="all">All classes</option>
          <option value="selected">Selected classes</option>
          <option value="none">No classes (only the session types below)</option>
        </NativeSelect>
        <FieldError id={`${id}-scope-error`} messages={f.scope} />
      </div>
      {scope === 'selected' ? (
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-classes`}>Selected classes</Label>
          <NativeSelect
            id={`${id}-classes`}
            name="class_ids"
            multiple
            defaultValue={existing?.scope.class_ids}
            aria-describedby={`${id}-classes-hint`}
            aria-invalid={f.class_ids ? true : undefined}
          >
            {classGroups.map((g) => (
              <optgroup key={g.seriesId ?? g.label} label={g.label}>
                {g.seriesId ? <option value={g.seriesId}>Every class of this weekly series</option> : null}
                {g.classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </NativeSelect>
          <p id={`${id}-classes-hint`} className="text-xs text-muted-foreground">
            Hold Ctrl (⌘ on a Mac) to choose several. A series covers its future classes too.
          </p>
          <FieldError id={`${id}-classes-error`} messages={f.class_ids} />
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-types`}>1:1 session types the credits also pay for (optional)</Label>
        <NativeSelect id={`${id}-types`} name="session_type_ids" multiple defaultValue={existing?.scope.session_type_ids} aria-invalid={f.session_type_ids ? true : undefined}>
          {sessionTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError id={`${id}-types-error`} messages={f.session_type_ids} />
      </div>
      <FormStatus state={state} unplacedFields={['id', '_', 'active']} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
          {pending ? 'Saving…' : existing ? 'Save changes' : 'Create package'}
        </Button>
      </div>
    </form>
  );
}
