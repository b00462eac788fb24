import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { assertMaySetFee, getSessionType, updateSessionType, updateSessionTypeInput } from '@/lib/schedule';

// GET /api/v1/session-types/:id -> {session_type} (own ones for providers; any for admins)
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ params, user }) => {
  const found = await getSessionType(String(params.id));
  if (!found || (user.role === 'provider' && found.provider_id !== user.id)) throw new AppError('not_found', 'No such session type.');
  return { session_type: found };
});

// PATCH /api/v1/session-types/:id -> {session_type}; `active: false` deactivates. Another provider's -> 404.
export const PATCH = apiRoute({ access: ['provider', 'admin'], body: updateSessionTypeInput }, async ({ params, body, user }) => {
  const ownerId = user.role === 'admin' ? null : user.id;
  // Unknown or another practitioner's id is a 404 before anything else is judged.
  const found = await getSessionType(String(params.id));
  if (!found || (ownerId !== null && found.provider_id !== ownerId)) throw new AppError('not_found', 'No such session type.');
  assertMaySetFee(user, body);
  return { session_type: await updateSessionType(found.id, ownerId, body) };
});
