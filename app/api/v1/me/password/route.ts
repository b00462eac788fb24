import { changePassword } from '@/lib/auth';
import { apiRoute } from '@/lib/http';
import { changePasswordInput } from '@/lib/users';

// POST /api/v1/me/password {current_password, new_password} -> 204; every session and bearer token ends
export const POST = apiRoute({ access: 'user', body: changePasswordInput }, async ({ user, body }) => {
  await changePassword(user.id, body);
  return new Response(null, { status: 204 });
});
