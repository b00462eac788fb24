import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { bookings, classes, payments, providerProfiles, sessionTypes, settings, users } from '@/db/schema';
import { queueMessage, type BookingSnapshot } from '@/lib/mail';
import { settingDefaults } from '@/lib/settings';

/**
 * The e-mails about a booking, queued in the transaction of the change that
 * causes each one and keyed by that cause, so a replayed webhook or a second
 * app process never sends a second copy.
 */

const clients = alias(users, 'client');
const providers = alias(users, 'provider');

async function settingIn(tx: Tx, key: 'cancellation_window_hours' | 'platform_time_zone'): Promise<number | string> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return (row?.value as number | string | undefined) ?? settingDefaults[key];
}

/** The booking as its messages show it, read in the transaction that changes it. */
export async function bookingSnapshot(tx: Tx, bookingId: string): Promise<BookingSnapshot> {
  const [row] = await tx
    .select({
      b: bookings,
      classTitle: classes.title,
      location: classes.location,
      onlineUrl: classes.onlineUrl,
      typeName: sessionTypes.name,
      providerName: providers.name,
      providerEmail: providers.email,
      providerZone: providerProfiles.timeZone,
      clientName: clients.name,
      clientEmail: clients.email,
    })
    .from(bookings)
    .leftJoin(classes, eq(classes.id, bookings.classId))
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .leftJoin(providerProfiles, eq(providerProfiles.userId, bookings.providerId))
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .where(eq(bookings.id, bookingId))
    .limit(1);
  if (!row) throw new Error(`no booking ${bookingId} to write about`);
  const b = row.b;
  // The first booking of a chain of reschedules names the calendar entry.
  const [root] = await tx.execute<{ id: string }>(sql`
    with recursive chain(id, prev) as (
      select id, rescheduled_from_id from bookings where id = ${bookingId}
      union all select b.id, b.rescheduled_from_id from bookings b join chain c on b.id = c.prev)
    select id from chain where prev is null limit 1`);
  let paid: BookingSnapshot['paid'] = null;
  if (b.paymentType === 'single' && b.paymentRef) {
    const [p] = await tx.select({ amount: payments.amount, currency: payments.currency }).from(payments).where(eq(payments.id, b.paymentRef)).limit(1);
    paid = p ? { amount: p.amount, currency: p.currency } : { amount: b.amountDue, currency: b.currency };
  }
  const zone = row.providerZone ?? String(await settingIn(tx, 'platform_time_zone'));
  return {
    booking_id: b.id,
    calendar_id: root?.id ?? b.id,
    kind: b.kind,
    title: row.classTitle ?? row.typeName ?? 'Session',
    starts_at: b.startsAt.toISOString(),
    ends_at: b.endsAt.toISOString(),
    provider_zone: zone,
    // Clients have no zone of their own yet: they see the practice's.
    client_zone: String(await settingIn(tx, 'platform_time_zone')),
    location: row.location ?? null,
    online_url: row.onlineUrl ?? null,
    provider_name: row.providerName,
    provider_email: row.providerEmail,
    client_name: row.clientName,
    client_email: row.clientEmail,
    paid,
    credit_used: b.paymentType === 'credit',
    cancellation_window_hours: Number(await settingIn(tx, 'cancellation_window_hours')),
    sequence: b.calendarSequence,
  };
}

/** Confirmed (paid, free, by a credit, or promoted from the waitlist): the client's confirmation with its .ics, and the provider's note. */
export async function announceConfirmed(tx: Tx, bookingId: string): Promise<void> {
  const booking = await bookingSnapshot(tx, bookingId);
  const [b] = await tx.select({ clientId: bookings.clientId, providerId: bookings.providerId }).from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  await queueMessage(tx, { key: `booking_confirmed:${bookingId}`, template: 'booking_confirmed', data: { booking }, userId: b!.clientId });
  await queueMessage(tx, { key: `booking_new:${bookingId}`, template: 'booking_new_for_provider', data: { booking }, userId: b!.providerId });
}

/** The card payment's receipt, once per payment. */
export async function announceReceipt(tx: Tx, bookingId: string, paymentId: string): Promise<void> {
  const [p] = await tx.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  if (!p) return;
  const booking = await bookingSnapshot(tx, bookingId);
  await queueMessage(tx, {
    key: `payment_receipt:${paymentId}`,
    template: 'payment_receipt',
    data: {
      booking,
      description: booking.title,
      amount: { amount: p.amount, currency: p.currency },
      card_brand: p.cardBrand,
      card_last4: p.cardLast4,
      receipt_url: p.receiptUrl,
      paid_at: (p.succeededAt ?? new Date()).toISOString(),
    },
    userId: p.userId,
  });
}

export async function announcePaymentFailed(tx: Tx, bookingId: string, paymentId: string): Promise<void> {
  const [p] = await tx.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  const [b] = await tx.select().from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  if (!p || !b || b.status !== 'pending_payment') return;
  await queueMessage(tx, {
    key: `payment_failed:${paymentId}:${p.failureCode ?? 'declined'}`,
    template: 'payment_failed',
    data: { booking: await bookingSnapshot(tx, bookingId), amount: { amount: p.amount, currency: p.currency }, reason: p.failureMessage, hold_expires_at: b.holdExpiresAt?.toISOString() ?? null },
    userId: b.clientId,
  });
}

/** Money went back to the card: one message per refund total. */
export async function announceRefund(tx: Tx, bookingId: string, refund: { refunded: number; paid: number; paymentRef: string }): Promise<void> {
  const [p] = await tx.select({ currency: payments.currency, userId: payments.userId, provider: payments.provider }).from(payments).where(eq(payments.id, refund.paymentRef)).limit(1);
  if (!p) return;
  const booking = await bookingSnapshot(tx, bookingId);
  await queueMessage(tx, {
    key: `refund_issued:${refund.paymentRef}:${refund.refunded}`,
    template: 'refund_issued',
    data: { description: booking.title, amount: { amount: refund.refunded, currency: p.currency }, to: p.provider === 'mpesa' ? 'mpesa' : 'card', booking },
    userId: p.userId,
  });
}

/** Cancelled: the client's message with a METHOD:CANCEL entry (the sequence rises), and the provider's. */
export async function announceCancelled(tx: Tx, bookingId: string, by: 'client' | 'provider' | 'admin', reason: string, refund: 'card' | 'credit' | 'none'): Promise<void> {
  const [b] = await tx
    .update(bookings)
    .set({ calendarSequence: sql`${bookings.calendarSequence} + 1` })
    .where(eq(bookings.id, bookingId))
    .returning({ clientId: bookings.clientId, providerId: bookings.providerId });
  const booking = await bookingSnapshot(tx, bookingId);
  await queueMessage(tx, { key: `booking_cancelled:${bookingId}`, template: 'booking_cancelled', data: { booking, by, reason, refund }, userId: b!.clientId });
  if (by !== 'provider') {
    await queueMessage(tx, { key: `booking_cancelled_provider:${bookingId}`, template: 'booking_cancelled_for_provider', data: { booking, by, reason }, userId: b!.providerId });
  }
}

/** Moved: the same calendar entry (UID) with a higher SEQUENCE. */
export async function announceRescheduled(tx: Tx, newBookingId: string, previousStartsAt: Date): Promise<void> {
  const booking = await bookingSnapshot(tx, newBookingId);
  const [b] = await tx.select({ clientId: bookings.clientId }).from(bookings).where(eq(bookings.id, newBookingId)).limit(1);
  await queueMessage(tx, { key: `booking_rescheduled:${newBookingId}`, template: 'booking_rescheduled', data: { booking, previous_starts_at: previousStartsAt.toISOString() }, userId: b!.clientId });
}

export async function announceWaitlistOffer(tx: Tx, bookingId: string, holdExpiresAt: Date): Promise<void> {
  const booking = await bookingSnapshot(tx, bookingId);
  const [b] = await tx.select({ clientId: bookings.clientId }).from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  await queueMessage(tx, { key: `waitlist_offer:${bookingId}`, template: 'waitlist_offer', data: { booking, hold_expires_at: holdExpiresAt.toISOString() }, userId: b!.clientId });
}
