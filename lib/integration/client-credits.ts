import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { creditsOfClient } from '@/lib/credits';
import { AppError } from '@/lib/errors';

/** seed 000's "credits by client", for an admin or an integration: 404 for an id that is not a client's. */
export async function creditsOfIntegrationClient(clientId: string): ReturnType<typeof creditsOfClient> {
  const [client] = await getDb().select({ id: users.id }).from(users).where(and(eq(users.id, clientId), eq(users.role, 'client'))).limit(1);
  if (!client) throw new AppError('not_found', 'No such client.', { fields: { client_id: ['No client has this id.'] } });
  return creditsOfClient(client.id);
}
