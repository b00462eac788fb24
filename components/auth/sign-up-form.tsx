'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { signUpAction } from '@/app/(auth)/actions';
import { FormError } from '@/components/ui/alert';
import { emptyFormState } from '@/lib/form-state';
import { FormField } from './form-field';
import { SubmitButton } from './submit-button';
import { useFocusFirstError } from './use-focus-first-error';

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState(signUpAction, emptyFormState);
  const formRef = useFocusFirstError(state);
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : '';
  return (
    // noValidate: the server's messages are the ones shown, the same with or without JavaScript.
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
      <FormError message={state.error} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField
        id="signup-name"
        name="name"
        label="Name"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={state.values?.name}
        errors={state.fields?.name}
      />
      <FormField
        id="signup-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fields?.email}
      />
      <FormField
        id="signup-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        errors={state.fields?.password}
      />
      <FormField
        id="signup-confirm-password"
        name="confirmPassword"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fields?.confirmPassword}
      />
      <SubmitButton pending={pending} label="Create account" pendingLabel="Creating account…" />
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link href={`/signin${query}`} className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
