'use client';

import Link from 'next/link';
import { requestResetAction } from '@/app/(auth)/forgot-password/actions';
import { confirmResetAction } from '@/app/(auth)/reset-password/actions';
import { EmailField, FormField } from '@/components/auth/form-field';
import { AccountForm } from './account-form';

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

/** What replaces the form once it succeeded: its message, and the way on to sign in. */
function DoneNote({ message, linkLabel }: { message?: string; linkLabel: string }) {
  return (
    <>
      <p>{message}</p>
      <Link href="/signin" className={linkClass}>
        {linkLabel}
      </Link>
    </>
  );
}

export function ForgotPasswordForm() {
  return (
    <AccountForm
      action={requestResetAction}
      submitLabel="Send me a reset link"
      pendingLabel="Sending…"
      testId="forgot-password-form"
      done={(state) => <DoneNote message={state.ok} linkLabel="Back to sign in" />}
      fields={(state) => (
        <EmailField id="forgot-email" state={state} />
      )}
    />
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <AccountForm
      action={confirmResetAction}
      submitLabel="Set new password"
      pendingLabel="Saving…"
      testId="reset-password-form"
      done={(state) => <DoneNote message={state.ok} linkLabel="Sign in" />}
      fields={(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          {state.fields?.token ? (
            <p className="text-sm text-destructive">
              {state.fields.token.join(' ')}{' '}
              <Link href="/forgot-password" className={linkClass}>
                Ask for a new link
              </Link>
            </p>
          ) : null}
          <FormField
            id="reset-password"
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters."
            required
            errors={state.fields?.password}
          />
        </>
      )}
    />
  );
}
