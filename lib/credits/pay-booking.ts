import 'server-only';
import type { PayInTransaction } from '@/lib/bookings';
import { earnFromCredit } from '@/lib/earnings';
import { AppError } from '@/lib/errors';
import { takeUse, type CreditActor } from './ledger';

/**
 * Pays a booking with one use of the client's valid credit that covers it and
 * expires first (or of `creditId`), inside the booking's transaction; with no
 * such credit it throws 422 credit_unavailable and the booking is rolled back.
 */
export function payWithCredit(actor: CreditActor, creditId?: string): PayInTransaction {
  return async (tx, booking) => {
    const used = await takeUse(tx, {
      clientId: booking.clientId,
      target: booking.target,
      bookingId: booking.id,
      at: booking.at,
      actor,
      reason: booking.target.kind === 'class' ? 'Booked a class' : 'Booked a 1:1 session',
      creditId,
    });
    if (!used) {
      throw new AppError(
        'credit_unavailable',
        creditId ? 'This credit cannot pay for this booking: it has no uses left, has expired, or does not cover it.' : 'You have no valid class credit that covers this booking.',
      );
    }
    // The provider earns the use's worth with the booking, in its transaction.
    await earnFromCredit(tx, booking.id, used, booking.at);
  };
}
