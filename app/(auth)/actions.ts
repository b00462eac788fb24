'use server';

import { AuthError } from 'next-auth';
import { areaOf, safeCallbackPath, signIn, signOut } from '@/lib/auth';
import { formAction, type FormInput } from '@/lib/http';
import type { FormState } from '@/lib/form-state';
import { credentialsInput, registerInput, findUserRoleByEmail, registerClient } from '@/lib/users';

async function signInAndGo(email: string, password: string, input: FormInput): Promise<FormState> {
  // Each role lands in its own area unless a same-site callback was asked for.
  const role = await findUserRoleByEmail(email);
  const destination = safeCallbackPath(input.optional('callbackUrl'), role ? areaOf[role] : '/');
  try {
    await signIn('credentials', { email, password, redirectTo: destination });
  } catch (err) {
    // Next's redirect on success travels as an exception: only next-auth's refusals are answered here.
    if (!(err instanceof AuthError)) throw err;
    const code = (err as AuthError & { code?: string }).code;
    return { error: code === 'rate_limited' ? 'Too many failed sign-in attempts. Try again in 15 minutes.' : 'The e-mail or password is incorrect.' };
  }
  return {};
}

// The per-field messages speak for themselves on these short forms; what was typed comes back, never the password.

/** Signs in through next-auth's credentials provider (which checks the password and the sign-in limits). */
export const signInAction = formAction(
  { access: 'public', schema: credentialsInput, body: (input) => ({ email: input.text('email'), password: input.text('password') }), keep: ['email'], invalid: null },
  ({ body, input }) => signInAndGo(body.email, body.password, input),
);

/** POST /api/v1/auth/register, then signs the new client in. */
export const signUpAction = formAction(
  {
    access: 'public',
    schema: registerInput,
    body: (input) => ({ email: input.text('email'), password: input.text('password'), name: input.text('name') }),
    keep: ['email', 'name'],
    invalid: null,
  },
  async ({ body, input }) => {
    if (body.password !== input.text('confirmPassword')) return { fields: { confirmPassword: ['The passwords do not match.'] } };
    await registerClient(body);
    return signInAndGo(body.email, body.password, input);
  },
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
