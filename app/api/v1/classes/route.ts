import { apiRoute } from '@/lib/http';
import { listClassesQuery, createClasses, createClassesInput, listClasses, queryRange } from '@/lib/schedule';
import { parseQuery } from '@/lib/fields';

// GET /api/v1/classes?from&to&provider_id -> {classes: [...]} (cancelled classes are left out)
export const GET = apiRoute({ access: 'public' }, async ({ request }) => {
  const query = parseQuery(request, listClassesQuery);
  const range = queryRange(query.from, query.to);
  return { classes: await listClasses({ ...range, providerId: query.provider_id }) };
});

// POST /api/v1/classes -> 201 {classes: [...]} (one, or `repeat.weeks` of them)
export const POST = apiRoute({ access: ['admin', 'provider'], body: createClassesInput }, async ({ body, user }) => {
  const created = await createClasses(body, user);
  return Response.json({ classes: created }, { status: 201 });
});
