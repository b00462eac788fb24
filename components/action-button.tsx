'use client';

import { useActionState, type ReactNode } from 'react';
import { ActionMessage } from '@/components/bookings/action-message';
import { Button, type ButtonProps } from '@/components/ui/button';
import { emptyFormState, type FormState } from '@/lib/form-state';

/**
 * One button that submits a server action (with hidden inputs saying what it
 * is about), and the action's answer under it. The action may redirect.
 */
export function ActionButton({
  action,
  fields = {},
  children,
  pendingLabel,
  variant,
  size,
  label,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields?: Record<string, string>;
  children: ReactNode;
  pendingLabel: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  /** The accessible name, when the text alone would not say what it acts on. */
  label?: string;
}) {
  const [state, submit, pending] = useActionState(action, emptyFormState);
  return (
    <form action={submit} className="flex flex-col items-start gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size={size} disabled={pending} aria-label={label}>
        {pending ? pendingLabel : children}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}
