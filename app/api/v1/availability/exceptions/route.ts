import { z } from 'zod';
import { apiRoute } from '@/lib/http/api';
import { addException, exceptionInput, listExceptions } from '@/lib/schedule/availability';
import { parseQuery, uuidField } from '@/lib/http/fields';
import { localDateField } from '@/lib/schedule/fields';
import { scheduleOwnerFor } from '@/lib/schedule/providers';

const listQuery = z.strictObject({
  // Admins only (required for them): whose exceptions.
  provider_id: uuidField('Practitioner').optional(),
  // Local date (YYYY-MM-DD); default yesterday in the practitioner's zone.
  from: localDateField.optional(),
});

// GET /api/v1/availability/exceptions -> {exceptions: [{id, date, start, end, note}]} (start/end null: off all day)
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const query = parseQuery(request, listQuery);
  const owner = await scheduleOwnerFor(user, query.provider_id);
  return { exceptions: await listExceptions(owner.id, { fromDate: query.from, timeZone: owner.time_zone }) };
});

// POST /api/v1/availability/exceptions {date, start?, end?, note?} -> 201 {exception}
export const POST = apiRoute({ access: ['provider', 'admin'], body: exceptionInput }, async ({ body, user }) => {
  const owner = await scheduleOwnerFor(user, body.provider_id);
  return Response.json({ exception: await addException(owner.id, body) }, { status: 201 });
});
