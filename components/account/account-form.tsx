'use client';

import { type ReactNode, useActionState } from 'react';
import { SubmitButton } from '@/components/auth/submit-button';
import { useFocusFirstError } from '@/components/auth/use-focus-first-error';
import { FormError } from '@/components/ui/alert';
import { emptyFormState, type FormState } from '@/lib/form-state';

/**
 * The frame of the account forms (profile, password, deletion, forgotten
 * password): the form's error, its fields, one submit button and the success
 * note; `done` replaces the fields once the action succeeded, when given.
 */
export function AccountForm({
  action,
  fields,
  submitLabel,
  pendingLabel,
  done,
  testId,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: (state: FormState) => ReactNode;
  submitLabel: string;
  pendingLabel: string;
  done?: (state: FormState) => ReactNode;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const formRef = useFocusFirstError(state);
  if (state.ok && done) {
    return (
      <div role="status" className="flex flex-col gap-3 text-sm" data-testid={testId}>
        {done(state)}
      </div>
    );
  }
  return (
    // noValidate: the server's messages are the ones shown, the same with or without JavaScript.
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-4" data-testid={testId}>
      <FormError message={state.error} />
      {fields(state)}
      <SubmitButton pending={pending} label={submitLabel} pendingLabel={pendingLabel} />
      <p role="status" aria-live="polite" className="text-sm text-primary empty:hidden">
        {state.ok ?? ''}
      </p>
    </form>
  );
}
