import { apiRoute } from '@/lib/http';
import { registerInput, registerClient } from '@/lib/users';

// POST /api/v1/auth/register {email, password, name} -> 201 {user}
export const POST = apiRoute({ access: 'public', body: registerInput }, async ({ body }) => {
  const user = await registerClient(body);
  return Response.json({ user }, { status: 201 });
});
