import { apiRoute } from '@/lib/http';
import { availabilityQuery, availabilityInput, getAvailability, replaceAvailability, scheduleOwnerFor } from '@/lib/schedule';
import { parseQuery } from '@/lib/fields';

// GET /api/v1/availability -> {time_zone, rules: [{weekday, start, end}]}
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const owner = await scheduleOwnerFor(user, parseQuery(request, availabilityQuery).provider_id);
  return getAvailability(owner.id);
});

// PUT /api/v1/availability {time_zone?, rules} -> {time_zone, rules}: the weekly set is replaced as a whole
export const PUT = apiRoute({ access: ['provider', 'admin'], body: availabilityInput }, async ({ body, user }) => {
  const owner = await scheduleOwnerFor(user, body.provider_id);
  return replaceAvailability(owner.id, body);
});
