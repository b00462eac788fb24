'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/http';
import { createApiKey, revokeApiKey } from '@/lib/auth';
import { createApiKeyBody } from '@/lib/integration';

/** POST /api/v1/api-keys {name}: the full key goes back to this form once and is never shown again. */
export const createApiKeyAction = formAction(
  { access: ['admin'], schema: createApiKeyBody, body: (input) => ({ name: input.text('name') }), invalid: 'Give the key a name of at most 80 characters.' },
  async ({ user, body }) => {
    const { key, api_key } = await createApiKey(body.name, user);
    revalidatePath('/admin/api-keys');
    return { ok: `Key “${api_key.name}” created.`, data: { key } };
  },
);

/** POST /api/v1/api-keys/:id/revoke */
export const revokeApiKeyAction = formAction({ access: ['admin'] }, async ({ user, input }) => {
  const key = await revokeApiKey(input.id('api_key_id', 'No such API key.'), user);
  revalidatePath('/admin/api-keys');
  return { ok: `Key “${key.name}” revoked.` };
});
