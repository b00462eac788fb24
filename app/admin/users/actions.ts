'use server';

import { revalidatePath } from 'next/cache';
import { changeUser } from '@/lib/accounts';
import { roleLabels } from '@/lib/auth';
import { formAction } from '@/lib/http';
import { getSetting } from '@/lib/settings';
import { updateUserBody } from '@/lib/users';

const bookingsNote = (n: number) => (n === 0 ? '' : n === 1 ? ' They have 1 upcoming booking to review below.' : ` They have ${n} upcoming bookings to review below.`);

/** PATCH /api/v1/users/:id {role} */
export const changeRoleAction = formAction(
  { access: ['admin'], schema: updateUserBody, body: (input) => ({ role: input.text('role') }) },
  async ({ user, body, input }) => {
    const changed = await changeUser(user, input.id('user_id', 'No such user.'), body);
    revalidatePath('/admin/users');
    const label = roleLabels(await getSetting('provider_label'))[changed.user.role].toLowerCase();
    return { ok: `${changed.user.name} is now ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}.` };
  },
);

/** PATCH /api/v1/users/:id {active} */
export const setActiveAction = formAction(
  { access: ['admin'], schema: updateUserBody, body: (input) => ({ active: input.text('active') === 'true' }) },
  async ({ user, body, input }) => {
    const changed = await changeUser(user, input.id('user_id', 'No such user.'), body);
    revalidatePath('/admin/users');
    if (body.active) return { ok: `${changed.user.name} is active again and can sign in.` };
    return { ok: `${changed.user.name} is deactivated and signed out everywhere.${bookingsNote(changed.upcoming_bookings.length)}` };
  },
);

/** PATCH /api/v1/users/:id {name} */
export const renameUserAction = formAction(
  { access: ['admin'], schema: updateUserBody, body: (input) => ({ name: input.text('name') }), keep: ['name'], invalid: null },
  async ({ user, body, input }) => {
    const changed = await changeUser(user, input.id('user_id', 'No such user.'), body);
    revalidatePath('/admin/users');
    return { ok: `Renamed to ${changed.user.name}.` };
  },
);
