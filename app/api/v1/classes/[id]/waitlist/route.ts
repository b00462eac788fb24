import { joinWaitlist, leaveWaitlist } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';

function classId(params: Record<string, string | string[] | undefined>): string {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such class.');
  return params.id;
}

// POST /api/v1/classes/:id/waitlist -> 201 {position}: join the waitlist of a full class.
export const POST = apiRoute({ access: ['client'] }, async ({ user, params }) =>
  Response.json(await joinWaitlist(user.id, classId(params)), { status: 201 }),
);

// DELETE /api/v1/classes/:id/waitlist -> 204
export const DELETE = apiRoute({ access: ['client'] }, async ({ user, params }) => {
  await leaveWaitlist(user.id, classId(params));
  return new Response(null, { status: 204 });
});
