import { apiRoute } from '@/lib/http';
import { deleteAccount } from '@/lib/accounts';
import { deleteAccountInput, getProfile, profileInput, updateProfile } from '@/lib/users';

// GET /api/v1/me -> {user} with phone and time_zone
export const GET = apiRoute({ access: 'user' }, async ({ user }) => ({ user: await getProfile(user.id) }));

// PATCH /api/v1/me {name?, phone?, time_zone?} -> {user}
export const PATCH = apiRoute({ access: 'user', body: profileInput }, async ({ user, body }) => ({ user: await updateProfile(user.id, body) }));

// DELETE /api/v1/me {password} -> 204; 409 for the last admin, upcoming bookings or classes, unpaid earnings
export const DELETE = apiRoute({ access: 'user', body: deleteAccountInput }, async ({ user, body }) => {
  await deleteAccount(user, body.password);
  return new Response(null, { status: 204 });
});
