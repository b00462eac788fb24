import { z } from 'zod';
import { apiRoute } from '@/lib/http/api';
import { instantField, parseQuery, uuidField } from '@/lib/http/fields';
import { requireProvider } from '@/lib/schedule/providers';
import { queryRange } from '@/lib/schedule/range';
import { freeSlotsWithZone } from '@/lib/schedule/slots';

const slotsQuery = z.strictObject({
  // Required: which of the practitioner's session types (its duration and buffer shape the slots).
  session_type_id: uuidField('Session type'),
  // ISO 8601 instants; default now -> now + 14 days; at most 62 days apart.
  from: instantField('From').optional(),
  to: instantField('To').optional(),
});

// GET /api/v1/providers/:id/slots?session_type_id&from&to -> {time_zone, slots: [{starts_at, ends_at}]}
export const GET = apiRoute({ access: 'public' }, async ({ request, params }) => {
  // The path's provider first: an unknown one is a 404 whatever the query says.
  const provider = await requireProvider(String(params.id));
  const query = parseQuery(request, slotsQuery);
  const range = queryRange(query.from, query.to);
  return freeSlotsWithZone({ providerId: provider.id, sessionTypeId: query.session_type_id, ...range });
});
