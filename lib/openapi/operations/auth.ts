import { z } from 'zod';
import { credentialsInput, registerInput } from '@/lib/users';
import { apiModule } from '../registry';
import { instant, user } from '../responses/common';

const userBody = z.object({ user });
const token = z.object({ token: z.string().describe('Send as `Authorization: Bearer <token>`.'), token_type: z.literal('Bearer'), expires_at: instant, user });

export const authApi = apiModule({
  tags: [{ name: 'Auth', description: 'Accounts, bearer tokens and the signed-in user.' }],
  schemas: { Token: token },
  operations: [
    {
      method: 'post',
      path: '/api/v1/auth/register',
      operationId: 'register',
      summary: 'Create a client account',
      access: 'public',
      body: registerInput,
      fields: { email: 'Case does not matter: it is stored lower-case.' },
      response: { status: 201, description: 'The new client account.', schema: userBody },
      errors: ['email_taken'],
    },
    {
      method: 'post',
      path: '/api/v1/auth/token',
      operationId: 'createToken',
      summary: 'Get a bearer token',
      description: 'Trades an e-mail and password for a bearer token (scripts and apps; a browser has its session cookie). Failed attempts are limited per account and per IP address.',
      access: 'public',
      body: credentialsInput,
      response: { status: 201, description: 'A token for `Authorization: Bearer <token>`.', schema: token },
      errors: ['invalid_credentials', 'rate_limited'],
    },
    {
      method: 'delete',
      path: '/api/v1/auth/token',
      operationId: 'revokeToken',
      summary: 'Revoke the bearer token sent',
      description: 'Revokes the token in the `Authorization` header. Signed in with only the session cookie there is no token to revoke: a 400 `bad_request` (a browser signs out instead).',
      access: 'user',
      response: { status: 204, description: 'Revoked.' },
      errors: ['bad_request'],
    },
  ],
});
