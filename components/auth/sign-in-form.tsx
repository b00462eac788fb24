'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { signInAction } from '@/app/(auth)/actions';
import { FormError } from '@/components/ui/alert';
import { emptyFormState } from '@/lib/form-state';
import { FormField } from './form-field';
import { SubmitButton } from './submit-button';
import { useFocusFirstError } from './use-focus-first-error';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState(signInAction, emptyFormState);
  const formRef = useFocusFirstError(state);
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : '';
  return (
    // noValidate: the server's messages are the ones shown, the same with or without JavaScript.
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
      <FormError message={state.error} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField
        id="signin-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fields?.email}
      />
      <FormField
        id="signin-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fields?.password}
      />
      <SubmitButton pending={pending} label="Sign in" pendingLabel="Signing in…" />
      <p className="text-center text-sm text-muted-foreground">
        New to Wellbook?{' '}
        <Link href={`/signup${query}`} className="font-medium text-primary underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
