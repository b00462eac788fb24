import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { updatePackage } from '@/lib/flows';
import { updatePackageBody, getPackage } from '@/lib/packages';

// GET /api/v1/packages/:id -> {package fields}; a retired package is visible to admins only (404 to others).
export const GET = apiRoute({ access: 'public' }, async ({ params, user }) => {
  const found = await getPackage(String(params.id), { includeRetired: user?.role === 'admin' });
  if (!found) throw new AppError('not_found', 'No such package.');
  return found;
});

// PATCH /api/v1/packages/:id (admin) -> {package fields}; {active: false} retires it, {active: true} restores it.
export const PATCH = apiRoute({ access: ['admin'], body: updatePackageBody }, async ({ params, body, user }) => {
  return updatePackage(String(params.id), body, user);
});
