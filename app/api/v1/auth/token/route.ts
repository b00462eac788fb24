import { issueApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { authenticate } from '@/lib/auth/authenticate';
import { apiRoute } from '@/lib/http/api';
import { clientIp } from '@/lib/http/client-ip';
import { credentialsInput } from '@/lib/users/fields';

// POST /api/v1/auth/token {email, password} -> {token, token_type, expires_at, user}
export const POST = apiRoute({ access: 'public', body: credentialsInput }, async ({ body, request }) => {
  const user = await authenticate(body, clientIp(request.headers));
  const { token, expiresAt } = await issueApiToken(user.id);
  return Response.json({ token, token_type: 'Bearer', expires_at: expiresAt.toISOString(), user }, { status: 201 });
});

// DELETE /api/v1/auth/token with the bearer token to revoke -> 204
export const DELETE = apiRoute({ access: 'user' }, async ({ request }) => {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')?.[1];
  if (token) await revokeApiToken(token);
  return new Response(null, { status: 204 });
});
