'use server';

import { AuthError } from 'next-auth';
import { areaOf, safeCallbackPath } from '@/lib/auth/roles';
import { signIn, signOut } from '@/lib/auth/next-auth';
import { findUserRoleByEmail } from '@/lib/users/queries';
import { isAppError } from '@/lib/http/errors';
import { fieldErrors } from '@/lib/http/json-body';
import { credentialsInput, registerInput } from '@/lib/users/fields';
import { registerClient } from '@/lib/users/register';

export interface FormState {
  /** A message for the whole form. */
  error?: string;
  /** Per-field messages, keyed by input name. */
  fields?: Record<string, string[]>;
  /** What the user typed (never the password), to refill the form. */
  values?: Record<string, string>;
}

function text(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
}

async function signInAndGo(email: string, password: string, callbackUrl: unknown): Promise<FormState> {
  // Each role lands in its own area unless a same-site callback was asked for.
  const role = await findUserRoleByEmail(email);
  const destination = safeCallbackPath(callbackUrl, role ? areaOf[role] : '/');
  try {
    await signIn('credentials', { email, password, redirectTo: destination });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      if (code === 'rate_limited') {
        return { error: 'Too many failed sign-in attempts. Try again in 15 minutes.', values: { email } };
      }
      return { error: 'The e-mail or password is incorrect.', values: { email } };
    }
    throw err; // Next's redirect on success travels as an exception.
  }
  return {};
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = credentialsInput.safeParse({ email: text(form, 'email'), password: text(form, 'password') });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values: { email: text(form, 'email') } };
  return signInAndGo(parsed.data.email, parsed.data.password, form.get('callbackUrl'));
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, 'email'), name: text(form, 'name') };
  const parsed = registerInput.safeParse({ ...values, password: text(form, 'password') });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  if (text(form, 'password') !== text(form, 'confirmPassword')) {
    return { fields: { confirmPassword: ['The passwords do not match.'] }, values };
  }
  try {
    await registerClient(parsed.data);
  } catch (err) {
    if (isAppError(err)) return err.fields ? { fields: err.fields, values } : { error: err.message, values };
    throw err;
  }
  return signInAndGo(parsed.data.email, parsed.data.password, form.get('callbackUrl'));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
