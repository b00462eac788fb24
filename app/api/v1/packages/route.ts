import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { createPackage, createPackageBody, listPackagesQuery, listPackages } from '@/lib/packages';

// GET /api/v1/packages -> {packages: [...]}: the packages on sale, each with price and price_per_class as Money.
// Admins may add ?include_retired=true to see retired ones too.
export const GET = apiRoute({ access: 'public' }, async ({ request, user }) => {
  const query = parseQuery(request, listPackagesQuery);
  const includeRetired = query.include_retired === 'true' && user?.role === 'admin';
  return { packages: await listPackages({ includeRetired }) };
});

// POST /api/v1/packages (admin) -> 201 {package fields}; a name already used (any case) -> 409.
export const POST = apiRoute({ access: ['admin'], body: createPackageBody }, async ({ body, user }) => {
  return Response.json(await createPackage(body, user), { status: 201 });
});
