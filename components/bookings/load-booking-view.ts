import 'server-only';
import { cancellationDeadline, type BookingDto } from '@/lib/bookings';
import { creditsOfClient, creditUseOfBooking, findCredit, usableCreditFor, type CreditTarget } from '@/lib/credits';
import { settledPaymentOf } from '@/lib/payments';
import { getClass, isOfferedSlot } from '@/lib/schedule';
import type { PublicUser } from '@/lib/users';
import { receiptPath, type BookingPayment } from './booking-facts';
import type { CreditCoverView } from '@/components/packages/credit-cover';
import type { DeadlineView } from './booking-confirmation';
import type { CreditOffer } from './pay-choice';

/** The ids a booking's payment or credit use may be recorded under: a rescheduled booking's stay with the original. */
const paidUnder = (b: BookingDto) => [b.id, b.rescheduled_from_id ?? ''].filter(Boolean);

/** How the booking was paid, for the client who booked it (or an admin); null when nothing was paid. */
export async function bookingPayment(b: BookingDto, viewer: PublicUser): Promise<(BookingPayment & { returned?: boolean }) | null> {
  if (b.payment_type === 'credit') {
    const used = await creditUseOfBooking(paidUnder(b));
    if (!used) return null;
    const credit = await findCredit(used.creditId);
    return { kind: 'credit', passName: credit?.packageName ?? null, returned: used.returned };
  }
  const payment = await settledPaymentOf(viewer, { type: b.payable.type, ids: paidUnder(b) });
  if (!payment) return null;
  return { kind: 'card', amount: payment.amount, refunded: payment.refunded_amount, paidAt: payment.succeeded_at, card: payment.card, receiptHref: receiptPath(b.id) };
}

/** Until when the client can cancel for everything back, and whether that moment has passed. */
export function deadlineView(startsAt: string, windowHours: number, at: Date): DeadlineView {
  const deadline = cancellationDeadline(startsAt, windowHours);
  return { deadline: deadline.toISOString(), windowHours, passed: deadline.getTime() <= at.getTime() };
}

/** What an expired hold can turn into: the same class or time booked again, the class's waitlist, or the schedule. */
export type Rebook = { kind: 'free'; href: string } | { kind: 'full'; href: string } | { kind: 'gone'; href: string };

/** Whether the seat (or the 1:1 time) an expired hold let go is still free to book again. */
export async function rebookOption(b: BookingDto, at: Date): Promise<Rebook> {
  const future = new Date(b.starts_at).getTime() > at.getTime();
  if (b.class) {
    const cls = await getClass(b.class.id);
    if (!cls || cls.cancelled || !future) return { kind: 'gone', href: '/schedule' };
    const href = `/schedule/classes/${encodeURIComponent(cls.id)}`;
    return cls.seats_left > 0 ? { kind: 'free', href } : { kind: 'full', href };
  }
  const providerHref = `/schedule/providers/${encodeURIComponent(b.provider.id)}`;
  if (!b.session_type || !future) return { kind: 'gone', href: providerHref };
  const type = b.session_type.id;
  if (await isOfferedSlot(b.provider.id, type, new Date(b.starts_at))) {
    return { kind: 'free', href: `${providerHref}/book?type=${encodeURIComponent(type)}&start=${encodeURIComponent(b.starts_at)}` };
  }
  return { kind: 'full', href: `${providerHref}?type=${encodeURIComponent(type)}` };
}

/** A hold is over once its time has passed, even before the worker marks the booking expired. */
export function holdLapsed(b: BookingDto, at: Date): boolean {
  if (b.status === 'expired') return true;
  return b.status === 'pending_payment' && b.hold_expires_at !== null && new Date(b.hold_expires_at).getTime() <= at.getTime();
}

/** The client's credits for what they are about to book: whether one covers it (with the uses left), and what the form offers. */
export async function creditsFor(clientId: string, target: CreditTarget | null): Promise<{ cover: CreditCoverView; offer: CreditOffer | null }> {
  const usable = target ? await usableCreditFor(clientId, target) : null;
  if (usable) {
    return {
      cover: { covered: true, passName: usable.next.package_name, usesLeft: usable.uses_left },
      offer: { usesLeft: usable.uses_left, nextExpiresAt: usable.next.expires_at },
    };
  }
  const { total_credits } = await creditsOfClient(clientId);
  return { cover: { covered: false, hasCredits: total_credits > 0 }, offer: null };
}
