import { z } from 'zod';
import type { ChangedUser } from '@/lib/accounts';
import { listUsersQuery, updateUserBody, type AdminUserDto } from '@/lib/users';
import { apiModule, describes } from '../registry';
import { booking } from '../responses/bookings';
import { instant, pageFields, user } from '../responses/common';

const adminUser = describes<AdminUserDto>()(
  user.extend({
    active: z.boolean().describe('False once deactivated (or deleted): no sign-in, every session and token ended.'),
    deactivated_at: instant.nullable(),
    deleted: z.boolean().describe('The account was deleted by its owner: anonymised, kept for the accounts.'),
  }),
);
const changedUser = describes<ChangedUser>()(
  z.object({
    user: adminUser,
    upcoming_bookings: z
      .array(booking)
      .describe('Their active bookings still to start, as client or practitioner, soonest first (at most 100): cancel each with POST /api/v1/bookings/{id}/cancel, refunded by policy.'),
  }),
);

export const usersApi = apiModule({
  tags: [{ name: 'Users', description: 'Admins find users, change their role, rename, deactivate and reactivate them. Every change is in the audit log.' }],
  schemas: { AdminUser: adminUser },
  operations: [
    {
      method: 'get',
      path: '/api/v1/users',
      operationId: 'listUsers',
      summary: 'List users',
      description: 'By role, then e-mail; 20 a page.',
      access: ['admin'],
      query: listUsersQuery,
      fields: { search: 'Part of a name or e-mail, any case.', role: 'Only users of this role.', page: '1-based.' },
      response: { status: 200, description: 'One page of users.', schema: z.object({ users: z.array(adminUser), ...pageFields }) },
    },
    {
      method: 'patch',
      path: '/api/v1/users/{id}',
      operationId: 'updateUser',
      summary: 'Change a user’s role, name or activation',
      description:
        'Only the fields sent change, in one transaction with their audit rows (`user.role_changed`, `user.deactivated`, `user.reactivated`, `user.renamed`). ' +
        'A role applies from the user’s next request, for browser sessions and bearer tokens alike; making someone a provider gives them a practitioner profile if they have none. ' +
        '`active: false` stops sign-in and ends every session and token at once (401 from then on); their upcoming bookings are listed for you to cancel. ' +
        'You cannot change your own role or deactivate yourself (403). Demoting or deactivating the last active admin is 409 and changes nothing.',
      access: ['admin'],
      params: { id: 'The user’s id.' },
      body: updateUserBody,
      fields: {
        role: 'client, provider or admin.',
        active: 'false deactivates; true reactivates (they sign in again).',
        name: 'The name shown everywhere, 1 to 100 characters.',
      },
      response: { status: 200, description: 'The user now, and their upcoming bookings.', schema: changedUser },
      errors: ['conflict'],
    },
  ],
});
