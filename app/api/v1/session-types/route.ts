import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { listSessionTypesQuery, scheduleOwnerFor, assertMaySetFee, createSessionType, createSessionTypeInput, listSessionTypes } from '@/lib/schedule';

// GET /api/v1/session-types -> {session_types: [...]} (the caller's own, inactive ones included)
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const query = parseQuery(request, listSessionTypesQuery);
  const owner = await scheduleOwnerFor(user, query.provider_id);
  return { session_types: await listSessionTypes(owner.id, { includeInactive: true }) };
});

// POST /api/v1/session-types -> 201 {session_type}
export const POST = apiRoute({ access: ['provider', 'admin'], body: createSessionTypeInput }, async ({ body, user }) => {
  const owner = await scheduleOwnerFor(user, body.provider_id);
  assertMaySetFee(user, body);
  const created = await createSessionType(owner.id, body);
  return Response.json({ session_type: created }, { status: 201 });
});
