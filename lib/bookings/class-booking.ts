import type { ClassRow, bookings } from '@/db/schema';
import { platformFee } from '@/lib/money';
import type { InitialState } from './holds-policy';

/** The row of a class booking: its price and fee fixed from the class at booking time. */
export function classBookingValues(cls: ClassRow, clientId: string, state: InitialState, at: Date, prepaid = false): typeof bookings.$inferInsert {
  // A prepaid (credit) booking owes nothing by card.
  const amountDue = prepaid ? 0 : cls.priceAmount;
  return {
    kind: 'class',
    clientId,
    providerId: cls.providerId,
    classId: cls.id,
    startsAt: cls.startsAt,
    endsAt: new Date(cls.startsAt.getTime() + cls.durationMinutes * 60_000),
    status: state.status,
    paymentStatus: state.paymentStatus,
    paymentType: prepaid ? 'credit' : cls.priceAmount > 0 ? 'single' : null,
    priceAmount: cls.priceAmount,
    amountDue,
    currency: cls.currency,
    feeBps: cls.feeBps,
    feeAmount: platformFee(amountDue, cls.feeBps),
    holdExpiresAt: state.holdExpiresAt,
    createdAt: at,
    updatedAt: at,
  };
}
