import { confirmPasswordReset } from '@/lib/auth';
import { apiRoute } from '@/lib/http';
import { passwordResetConfirmInput } from '@/lib/users';

// POST /api/v1/auth/password-reset/confirm {token, password} -> 204; the token is spent and every session ends
export const POST = apiRoute({ access: 'public', body: passwordResetConfirmInput }, async ({ body }) => {
  await confirmPasswordReset(body);
  return new Response(null, { status: 204 });
});
