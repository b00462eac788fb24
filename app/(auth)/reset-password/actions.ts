'use server';

import { confirmPasswordReset } from '@/lib/auth';
import { formAction } from '@/lib/http';
import { passwordResetConfirmInput } from '@/lib/users';

/** POST /api/v1/auth/password-reset/confirm: single use; every session of the account ends. */
export const confirmResetAction = formAction(
  {
    access: 'public',
    schema: passwordResetConfirmInput,
    body: (input) => ({
      token: input.text('token'),
      password: input.text('password'),
    }),
  },
  async ({ body }) => {
    await confirmPasswordReset(body);
    return { ok: 'Your password is changed. Sign in with it now.' };
  },
);
