'use client';

import { signUpAction } from '@/app/(auth)/actions';
import { AuthForm } from './auth-form';
import { EmailField, FormField } from './form-field';

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <AuthForm
      action={signUpAction}
      callbackUrl={callbackUrl}
      submitLabel="Create account"
      pendingLabel="Creating account…"
      prompt="Already have an account?"
      linkPath="/signin"
      linkLabel="Sign in"
      fields={(state) => (
        <>
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
          <EmailField id="signup-email" state={state} />
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
        </>
      )}
    />
  );
}
