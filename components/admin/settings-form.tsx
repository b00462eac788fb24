'use client';

import { updateSettingsAction } from '@/app/admin/settings/actions';
import { AccountForm } from '@/components/account/account-form';
import { FormField } from '@/components/auth/form-field';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import type { FormState } from '@/lib/form-state';
import type { SettingDto } from '@/lib/settings';

function hintOf(s: SettingDto): string {
  const range =
    s.input.type === 'integer' || s.input.type === 'number'
      ? ` From ${s.input.min}${s.input.min_exclusive ? ' (excluded)' : ''} to ${s.input.max} ${s.input.unit}.`
      : s.input.type === 'text'
        ? ` At most ${s.input.max_length} characters.`
        : '';
  const byDefault = typeof s.default === 'boolean' ? (s.default ? 'on' : 'off') : s.default;
  return `${s.description}${range} Default: ${byDefault}.`;
}

function SettingField({ setting, state, zones }: { setting: SettingDto; state: FormState; zones: string[] }) {
  const id = `setting-${setting.key}`;
  const errors = state.fields?.[setting.key];
  const value = state.values?.[setting.key] ?? String(setting.value);
  const hint = hintOf(setting);
  if (setting.input.type === 'choice' || setting.input.type === 'time_zone' || setting.input.type === 'switch') {
    const options =
      setting.input.type === 'choice'
        ? setting.input.options
        : setting.input.type === 'switch'
          ? [
              { value: 'true', label: 'On' },
              { value: 'false', label: 'Off' },
            ]
          : zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
    return (
      <div className="flex flex-col gap-2">
        <Label htmlFor={id}>{setting.label}</Label>
        <NativeSelect
          id={id}
          name={setting.key}
          defaultValue={value}
          aria-describedby={errors ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={errors ? true : undefined}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
        {errors ? (
          <p id={`${id}-error`} className="text-sm text-destructive">
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
    );
  }
  const numeric = setting.input.type === 'integer' || setting.input.type === 'number';
  return (
    <FormField
      id={id}
      name={setting.key}
      label={numeric && 'unit' in setting.input ? `${setting.label} (${setting.input.unit})` : setting.label}
      inputMode={setting.input.type === 'integer' ? 'numeric' : numeric ? 'decimal' : undefined}
      maxLength={setting.input.type === 'text' ? setting.input.max_length : undefined}
      defaultValue={value}
      hint={hint}
      errors={errors}
    />
  );
}

/** Every setting the app reads, each with what it does and its range; errors beside their field. */
export function SettingsForm({ settings, zones }: { settings: SettingDto[]; zones: string[] }) {
  return (
    <AccountForm
      action={updateSettingsAction}
      submitLabel="Save settings"
      pendingLabel="Saving…"
      testId="settings-form"
      fields={(state) => (
        <>
          {settings.map((s) => (
            <SettingField key={s.key} setting={s} state={state} zones={zones} />
          ))}
        </>
      )}
    />
  );
}
