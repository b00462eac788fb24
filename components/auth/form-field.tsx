import type { ComponentProps, ReactNode } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

interface FormFieldProps extends Omit<ComponentProps<'input'>, 'id' | 'name'> {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
}

/** A labelled input whose hint and errors are read out with it (aria-describedby). */
export function FormField({ id, name, label, hint, errors, ...inputProps }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} {...inputProps} />
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-sm text-destructive">
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The e-mail field of the sign-in, sign-up and forgotten-password forms, refilled and with its errors after a refusal. */
export function EmailField({ id, state }: { id: string; state: { values?: Record<string, string>; fields?: Record<string, string[]> } }) {
  return <FormField id={id} name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fields?.email} />;
}
