import type { Booking } from '@/db/schema';

export interface BookingDto {
  id: string;
  kind: 'class' | 'session';
  status: Booking['status'];
  payment_status: Booking['paymentStatus'];
  payment_type: Booking['paymentType'];
  starts_at: string;
  ends_at: string;
  class: { id: string; title: string; location: string | null; online_url: string | null } | null;
  session_type: { id: string; name: string } | null;
  provider: { id: string; name: string };
  client: { id: string; name: string; email: string };
  price: { amount: number; currency: string };
  /** What is charged for this booking (the price, or a deposit). */
  amount_due: { amount: number; currency: string };
  platform_fee: { amount: number; currency: string; bps: number };
  /** How payments refer to this booking. */
  payable: { type: 'booking'; id: string };
  hold_expires_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** Who cancelled: the client, the provider, or an admin. */
  cancelled_by: 'client' | 'provider' | 'admin' | null;
  refund_due: Booking['refundDue'];
  rescheduled_from_id: string | null;
  rescheduled_to_id: string | null;
  actual_start_at: string | null;
  actual_end_at: string | null;
  created_at: string;
}

export interface BookingRow {
  booking: Booking;
  classTitle: string | null;
  classLocation: string | null;
  classOnlineUrl: string | null;
  sessionTypeName: string | null;
  providerName: string;
  clientName: string;
  clientEmail: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toBookingDto(row: BookingRow): BookingDto {
  const b = row.booking;
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    payment_status: b.paymentStatus,
    payment_type: b.paymentType,
    starts_at: b.startsAt.toISOString(),
    ends_at: b.endsAt.toISOString(),
    class: b.classId ? { id: b.classId, title: row.classTitle ?? '', location: row.classLocation, online_url: row.classOnlineUrl } : null,
    session_type: b.sessionTypeId ? { id: b.sessionTypeId, name: row.sessionTypeName ?? '' } : null,
    provider: { id: b.providerId, name: row.providerName },
    client: { id: b.clientId, name: row.clientName, email: row.clientEmail },
    price: { amount: b.priceAmount, currency: b.currency },
    amount_due: { amount: b.amountDue, currency: b.currency },
    platform_fee: { amount: b.feeAmount, currency: b.currency, bps: b.feeBps },
    payable: { type: 'booking', id: b.id },
    hold_expires_at: iso(b.holdExpiresAt),
    cancelled_at: iso(b.cancelledAt),
    cancel_reason: b.cancelReason,
    cancelled_by: !b.cancelledBy ? null : b.cancelledBy === b.clientId ? 'client' : b.cancelledBy === b.providerId ? 'provider' : 'admin',
    refund_due: b.refundDue,
    rescheduled_from_id: b.rescheduledFromId,
    rescheduled_to_id: b.rescheduledToId,
    actual_start_at: iso(b.actualStartAt),
    actual_end_at: iso(b.actualEndAt),
    created_at: b.createdAt.toISOString(),
  };
}
