import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, type Booking } from '@/db/schema';
import { userActor, type CreditActor } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import type { PublicUser } from '@/lib/users';
import type { ApiKeyCaller } from '@/lib/auth';

/** Who calls an integration endpoint: a signed-in user, or an integration's API key. */
export interface IntegrationCaller {
  user: PublicUser | null;
  apiKey: ApiKeyCaller | null;
}

/** Who the credit ledger records: the key's id for an integration, else the user. */
export function actorOf(caller: IntegrationCaller): CreditActor {
  if (caller.apiKey) return { userId: null, apiKeyId: caller.apiKey.id };
  if (caller.user) return userActor(caller.user.id);
  throw new Error('an integration call without a caller');
}

/** Admins and API keys see every booking; a client only their own (another's is a 404, as elsewhere). */
export async function bookingFor(caller: IntegrationCaller, id: string): Promise<Booking> {
  const [booking] = await getDb().select().from(bookings).where(eq(bookings.id, id)).limit(1);
  const visible = booking && (caller.apiKey || caller.user?.role === 'admin' || booking.clientId === caller.user?.id);
  if (!booking || !visible) throw new AppError('not_found', 'No such booking.', { fields: { booking_id: ['No booking has this id.'] } });
  return booking;
}
