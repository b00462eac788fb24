'use server';

import { revalidatePath } from 'next/cache';
import { deleteAccount } from '@/lib/accounts';
import { changePassword, signOut } from '@/lib/auth';
import { formAction } from '@/lib/http';
import { changePasswordInput, deleteAccountInput, profileInput, updateProfile } from '@/lib/users';

/** PATCH /api/v1/me: a blank phone clears it; the zone "" means the browser's zone (null). */
export const updateProfileAction = formAction(
  {
    access: 'user',
    schema: profileInput,
    body: (input) => ({
      name: input.text('name'),
      phone: input.optional('phone') ?? null,
      time_zone: input.optional('time_zone') ?? null,
    }),
    keep: ['name', 'phone', 'time_zone'],
  },
  async ({ user, body }) => {
    await updateProfile(user.id, body);
    revalidatePath('/', 'layout');
    return { ok: 'Profile saved.' };
  },
);

/**
 * POST /api/v1/me/password. Every session ends, this browser's included (its
 * cookie is cleared here): the user signs in again with the new password.
 */
export const changePasswordAction = formAction(
  {
    access: 'user',
    schema: changePasswordInput,
    body: (input) => ({
      current_password: input.text('current_password'),
      new_password: input.text('new_password'),
    }),
  },
  async ({ user, body }) => {
    await changePassword(user.id, body);
    await signOut({ redirectTo: '/signin?callbackUrl=%2Faccount%2Fprofile' });
    return { ok: 'Password changed.' };
  },
);

/** DELETE /api/v1/me {password}: then this browser is signed out and sent to the home page. */
export const deleteAccountAction = formAction(
  {
    access: 'user',
    schema: deleteAccountInput,
    body: (input) => ({ password: input.text('password') }),
  },
  async ({ user, body }) => {
    await deleteAccount(user, body.password);
    await signOut({ redirectTo: '/?account=deleted' });
    return { ok: 'Account deleted.' };
  },
);
