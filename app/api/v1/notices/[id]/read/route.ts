import { markNoticeRead } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';

// POST /api/v1/notices/:id/read -> 204
export const POST = apiRoute({ access: 'user' }, async ({ user, params }) => {
  if (!isUuid(params.id) || !(await markNoticeRead(user.id, params.id))) throw new AppError('not_found', 'No such unread notice.');
  return new Response(null, { status: 204 });
});
