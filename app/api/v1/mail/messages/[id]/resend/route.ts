import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import { apiRoute } from '@/lib/http';
import { getMessage, resendMessage } from '@/lib/mail';

// POST /api/v1/mail/messages/:id/resend (admins) -> 200 {message}: a failed message gets one new attempt (same idempotency key); 409 otherwise.
export const POST = apiRoute({ access: ['admin'] }, async ({ params }) => {
  const id = String(params.id);
  if (!isUuid(id)) throw new AppError('not_found', 'No such message.');
  if (!(await resendMessage(id))) {
    await getMessage(id);
    throw new AppError('invalid_transition', 'Only a failed message can be sent again.');
  }
  return Response.json({ message: await getMessage(id) }, { status: 200 });
});
