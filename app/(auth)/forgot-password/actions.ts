'use server';

import { headers } from 'next/headers';
import { clientIp, requestPasswordReset, RESET_REQUESTED } from '@/lib/auth';
import { formAction } from '@/lib/http';
import { passwordResetRequestInput } from '@/lib/users';

/** POST /api/v1/auth/password-reset: the same answer whether or not the address has an account. */
export const requestResetAction = formAction(
  {
    access: 'public',
    schema: passwordResetRequestInput,
    body: (input) => ({ email: input.text('email') }),
    keep: ['email'],
  },
  async ({ body }) => {
    await requestPasswordReset(body.email, clientIp(await headers()));
    return { ok: RESET_REQUESTED };
  },
);
