import { AppError } from '@/lib/errors';
import { issueApiToken, revokeApiToken, authenticate, clientIp } from '@/lib/auth';
import { apiRoute } from '@/lib/http';
import { credentialsInput } from '@/lib/users';

// POST /api/v1/auth/token {email, password} -> {token, token_type, expires_at, user}
export const POST = apiRoute({ access: 'public', body: credentialsInput }, async ({ body, request }) => {
  const user = await authenticate(body, clientIp(request.headers));
  const { token, expiresAt } = await issueApiToken(user.id);
  return Response.json({ token, token_type: 'Bearer', expires_at: expiresAt.toISOString(), user }, { status: 201 });
});

// DELETE /api/v1/auth/token with the bearer token to revoke -> 204
export const DELETE = apiRoute({ access: 'user' }, async ({ request }) => {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')?.[1];
  // Signed in by cookie only: there is no bearer token to revoke, and saying 204 would claim one was.
  if (!token) throw new AppError('bad_request', 'Send the bearer token to revoke in the Authorization header; to end a browser session, sign out.');
  await revokeApiToken(token);
  return new Response(null, { status: 204 });
});
