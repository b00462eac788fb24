import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { slotsQuery, requireProvider, queryRange, freeSlotsWithZone } from '@/lib/schedule';

// GET /api/v1/providers/:id/slots?session_type_id&from&to -> {time_zone, slots: [{starts_at, ends_at}]}
export const GET = apiRoute({ access: 'public' }, async ({ request, params }) => {
  // The path's provider first: an unknown one is a 404 whatever the query says.
  const provider = await requireProvider(String(params.id));
  const query = parseQuery(request, slotsQuery);
  const range = queryRange(query.from, query.to);
  return freeSlotsWithZone({ providerId: provider.id, sessionTypeId: query.session_type_id, ...range });
});
