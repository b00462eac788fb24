import { apiRoute } from '@/lib/http';
import { listExceptionsQuery, addException, exceptionInput, listExceptions, scheduleOwnerFor } from '@/lib/schedule';
import { parseQuery } from '@/lib/fields';

// GET /api/v1/availability/exceptions -> {exceptions: [{id, date, start, end, note}]} (start/end null: off all day)
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const query = parseQuery(request, listExceptionsQuery);
  const owner = await scheduleOwnerFor(user, query.provider_id);
  return { exceptions: await listExceptions(owner.id, { fromDate: query.from, timeZone: owner.time_zone }) };
});

// POST /api/v1/availability/exceptions {date, start?, end?, note?} -> 201 {exception}
export const POST = apiRoute({ access: ['provider', 'admin'], body: exceptionInput }, async ({ body, user }) => {
  const owner = await scheduleOwnerFor(user, body.provider_id);
  return Response.json({ exception: await addException(owner.id, body) }, { status: 201 });
});
