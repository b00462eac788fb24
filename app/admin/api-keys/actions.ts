'use server';

import { revalidatePath } from 'next/cache';
import { actionUser, failure, field, signedOut } from '@/app/bookings/action-helpers';
import type { ApiKeyFormState } from '@/components/integration/form-state';
import { isUuid } from '@/lib/http/fields';
import { createApiKey, revokeApiKey } from '@/lib/integration/api-keys';
import { createApiKeyBody } from '@/lib/integration/api-schemas';

/** Makes a key; the full key goes back to this form once and is never shown again. */
export async function createApiKeyAction(_prev: ApiKeyFormState, form: FormData): Promise<ApiKeyFormState> {
  const admin = await actionUser(['admin']);
  if (!admin) return signedOut;
  const parsed = createApiKeyBody.safeParse({ name: field(form, 'name') });
  if (!parsed.success) return { error: 'Give the key a name of at most 80 characters.', fields: { name: parsed.error.issues.map((i) => i.message) } };
  try {
    const { key, api_key } = await createApiKey(parsed.data.name, admin);
    revalidatePath('/admin/api-keys');
    return { ok: `Key “${api_key.name}” created.`, newKey: key };
  } catch (err) {
    return failure(err);
  }
}

export async function revokeApiKeyAction(_prev: ApiKeyFormState, form: FormData): Promise<ApiKeyFormState> {
  const admin = await actionUser(['admin']);
  if (!admin) return signedOut;
  const id = field(form, 'api_key_id');
  if (!isUuid(id)) return { error: 'No such API key.' };
  try {
    const key = await revokeApiKey(id, admin);
    revalidatePath('/admin/api-keys');
    return { ok: `Key “${key.name}” revoked.` };
  } catch (err) {
    return failure(err);
  }
}
