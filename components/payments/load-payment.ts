import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { getPaymentFor } from '@/lib/payments';
import type { PublicUser } from '@/lib/users';

/** A payment the viewer may see, or Next's 404 page. */
export async function loadPaymentOr404(id: string, viewer: PublicUser) {
  try {
    return await getPaymentFor(id, viewer);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    throw err;
  }
}
