import { clientIp, requestPasswordReset, RESET_REQUESTED } from '@/lib/auth';
import { apiRoute } from '@/lib/http';
import { passwordResetRequestInput } from '@/lib/users';

// POST /api/v1/auth/password-reset {email} -> 202, the same whether or not the address has an account
export const POST = apiRoute({ access: 'public', body: passwordResetRequestInput }, async ({ body, request }) => {
  await requestPasswordReset(body.email, clientIp(request.headers));
  return Response.json({ message: RESET_REQUESTED }, { status: 202 });
});
