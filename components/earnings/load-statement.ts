import 'server-only';
import { notFound } from 'next/navigation';
import { getPayoutStatement } from '@/lib/earnings';
import { isAppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import type { PublicUser } from '@/lib/users';

/** A payout statement the viewer may see (a provider their own, an admin any), or Next's 404 page. */
export async function loadStatementOr404(id: string, viewer: PublicUser) {
  if (!isUuid(id)) notFound();
  try {
    return await getPayoutStatement(id, viewer);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    throw err;
  }
}
