'use client';

import { signInAction } from '@/app/(auth)/actions';
import { AuthForm } from './auth-form';
import { EmailField, FormField } from './form-field';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <AuthForm
      action={signInAction}
      callbackUrl={callbackUrl}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      prompt="New to Wellbook?"
      linkPath="/signup"
      linkLabel="Create an account"
      fields={(state) => (
        <>
          <EmailField id="signin-email" state={state} />
          <FormField
            id="signin-password"
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            errors={state.fields?.password}
          />
        </>
      )}
    />
  );
}
