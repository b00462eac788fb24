import { apiRoute } from '@/lib/http';
import { deleteException } from '@/lib/schedule';

// DELETE /api/v1/availability/exceptions/:id -> 204; unknown, malformed or another practitioner's -> 404
export const DELETE = apiRoute({ access: ['provider', 'admin'] }, async ({ params, user }) => {
  await deleteException(String(params.id), user.role === 'admin' ? null : user.id);
  return new Response(null, { status: 204 });
});
