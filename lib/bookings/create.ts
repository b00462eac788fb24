import 'server-only';
import { AppError } from '@/lib/http/errors';
import type { PublicUser } from '@/lib/users/public-user';
import type { CreateBookingBody } from './api-schemas';
import { bookClassSeat } from './book-class';
import { bookSession } from './book-session';
import type { BookingDto } from './dto';
import type { PayInTransaction } from './pay-in-tx';
import { getBookingFor } from './queries';

/**
 * POST /api/v1/bookings: a class seat or a 1:1 slot, for the signed-in client.
 * `pay_with: "credit"` needs `payWithCredit`, which pays inside the booking's
 * transaction (the flow that books passes it in; bookings know no credits).
 */
export async function createBooking(client: PublicUser, body: CreateBookingBody, payWithCredit?: PayInTransaction): Promise<BookingDto> {
  const payWith = body.pay_with === 'credit' ? payWithCredit : undefined;
  if (body.pay_with === 'credit' && !payWith) {
    throw new AppError('credit_unavailable', 'You have no class credit that can pay for this booking.');
  }
  const id =
    'class_id' in body
      ? await bookClassSeat(client.id, body.class_id, payWith)
      : await bookSession({ clientId: client.id, providerId: body.provider_id, sessionTypeId: body.session_type_id, startsAt: body.starts_at }, payWith);
  return getBookingFor(id, client);
}
