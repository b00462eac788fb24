'use client';

import Link from 'next/link';
import { type ReactNode, useActionState } from 'react';
import { FormError } from '@/components/ui/alert';
import { emptyFormState, type FormState } from '@/lib/form-state';
import { SubmitButton } from './submit-button';
import { useFocusFirstError } from './use-focus-first-error';

/** The sign-in and sign-up forms' shared frame: error, callback, fields, submit, and a link to the other form. */
export function AuthForm({
  action,
  callbackUrl,
  fields,
  submitLabel,
  pendingLabel,
  prompt,
  linkPath,
  linkLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  callbackUrl?: string;
  fields: (state: FormState) => ReactNode;
  submitLabel: string;
  pendingLabel: string;
  prompt: string;
  linkPath: string;
  linkLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const formRef = useFocusFirstError(state);
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : '';
  return (
    // noValidate: the server's messages are the ones shown, the same with or without JavaScript.
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
      <FormError message={state.error} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {fields(state)}
      <SubmitButton pending={pending} label={submitLabel} pendingLabel={pendingLabel} />
      <p className="text-center text-sm text-muted-foreground">
        {prompt}{' '}
        <Link href={`${linkPath}${query}`} className="font-medium text-primary underline-offset-4 hover:underline">
          {linkLabel}
        </Link>
      </p>
    </form>
  );
}
