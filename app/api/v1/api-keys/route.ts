import { apiRoute } from '@/lib/http';
import { createApiKey, listApiKeys } from '@/lib/auth';
import { createApiKeyBody } from '@/lib/integration';

// GET /api/v1/api-keys -> {api_keys}: every integration key, never the key itself (admin).
export const GET = apiRoute({ access: ['admin'] }, async () => ({ api_keys: await listApiKeys() }));

// POST /api/v1/api-keys {name} -> 201 {key, api_key}: the full key is in this answer only (admin).
export const POST = apiRoute({ access: ['admin'], body: createApiKeyBody }, async ({ user, body }) =>
  Response.json(await createApiKey(body.name, user), { status: 201 }),
);
