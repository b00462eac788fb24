import { apiRoute } from '@/lib/http';
import { changeUser } from '@/lib/accounts';
import { updateUserBody } from '@/lib/users';

// PATCH /api/v1/users/:id {role?, active?, name?} -> {user, upcoming_bookings} (admin).
export const PATCH = apiRoute({ access: ['admin'], body: updateUserBody }, async ({ user, body, params }) => changeUser(user, String(params.id), body));
