import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import type { PublicUser } from '@/lib/users';
import { creditHistory, creditsOfClient, findCredit, toCreditDto, type CreditDto, type CreditEntryDto } from './queries';

/**
 * Who may read which credits: a client their own, an admin anyone's. To
 * anyone else a credit or a client's credits do not exist (404), so ids
 * cannot be probed.
 */

type Viewer = Pick<PublicUser, 'id' | 'role'>;

const NO_CLIENT = 'No such client.';

/** The client whose credits `viewer` asks for; 404 unless it is a client the viewer may see. */
async function visibleClient(clientId: string, viewer: Viewer): Promise<{ id: string; name: string; email: string }> {
  if (!isUuid(clientId) || (viewer.role !== 'admin' && viewer.id !== clientId)) throw new AppError('not_found', NO_CLIENT);
  const [client] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, clientId), eq(users.role, 'client')))
    .limit(1);
  if (!client) throw new AppError('not_found', NO_CLIENT);
  return client;
}

/** seed 000's `{client_id, total_credits, credits}` of a client the viewer may see. */
export async function clientCreditsFor(clientId: string, viewer: Viewer): Promise<Awaited<ReturnType<typeof creditsOfClient>>> {
  await visibleClient(clientId, viewer);
  return creditsOfClient(clientId);
}

/** A client's credits with the ledger of all of them (newest first), for the client or an admin. */
export async function clientCreditsWithHistory(
  clientId: string,
  viewer: Viewer,
): Promise<Awaited<ReturnType<typeof creditsOfClient>> & { client: { id: string; name: string; email: string }; history: CreditEntryDto[] }> {
  const client = await visibleClient(clientId, viewer);
  const list = await creditsOfClient(clientId);
  return { client, ...list, history: await creditHistory(list.credits.map((c) => c.id)) };
}

/** One credit and its ledger, for its client or an admin. */
export async function creditFor(id: string, viewer: Viewer): Promise<{ credit: CreditDto; history: CreditEntryDto[] }> {
  const credit = isUuid(id) ? await findCredit(id) : undefined;
  if (!credit || (viewer.role !== 'admin' && credit.clientId !== viewer.id)) throw new AppError('not_found', 'No such credit.');
  return { credit: toCreditDto(credit), history: await creditHistory([credit.id]) };
}
