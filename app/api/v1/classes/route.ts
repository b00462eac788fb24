import { z } from 'zod';
import { apiRoute } from '@/lib/http/api';
import { createClasses, createClassesInput, listClasses } from '@/lib/schedule/classes';
import { instantField, parseQuery, uuidField } from '@/lib/http/fields';
import { queryRange } from '@/lib/schedule/range';

const listQuery = z.strictObject({
  // ISO 8601 instants; default now -> now + 14 days; at most 62 days apart.
  from: instantField('From').optional(),
  to: instantField('To').optional(),
  provider_id: uuidField('Practitioner').optional(),
});

// GET /api/v1/classes?from&to&provider_id -> {classes: [...]} (cancelled classes are left out)
export const GET = apiRoute({ access: 'public' }, async ({ request }) => {
  const query = parseQuery(request, listQuery);
  const range = queryRange(query.from, query.to);
  return { classes: await listClasses({ ...range, providerId: query.provider_id }) };
});

// POST /api/v1/classes -> 201 {classes: [...]} (one, or `repeat.weeks` of them)
export const POST = apiRoute({ access: ['admin', 'provider'], body: createClassesInput }, async ({ body, user }) => {
  const created = await createClasses(body, user);
  return Response.json({ classes: created }, { status: 201 });
});
