import 'server-only';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { bookings, classes, sessionTypes } from '@/db/schema';
import { now } from '@/lib/clock';
import { applyEarningRefund, earnFromPayment } from '@/lib/earnings';
import type { PayableHandler } from '@/lib/payables';
import { takeSeat } from '@/lib/schedule';
import { expireHoldIn } from './holds';
import { announceConfirmed, announcePaymentFailed, announceReceipt, announceRefund } from './messages';

/**
 * Bookings as payables: what the payments code may ask and tell, and nothing
 * more. Each outcome runs in the transaction of the payment change that
 * causes it, and every change is a conditional update, so repeated or late
 * outcomes (duplicate webhooks) have their effect once.
 */
export const bookingPayable: PayableHandler = {
  async charge(db, id) {
    const [row] = await db
      .select({ b: bookings, classTitle: classes.title, typeName: sessionTypes.name })
      .from(bookings)
      .leftJoin(classes, eq(classes.id, bookings.classId))
      .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
      .where(eq(bookings.id, id))
      .limit(1);
    if (!row || row.b.status !== 'pending_payment' || row.b.amountDue === 0) return null;
    const b = row.b;
    return {
      payable: { type: 'booking', id: b.id },
      clientId: b.clientId,
      providerId: b.providerId,
      amount: { amount: b.amountDue, currency: b.currency },
      feeBps: b.feeBps,
      feeAmount: b.feeAmount,
      description: `${row.classTitle ?? row.typeName ?? 'Booking'} on ${b.startsAt.toISOString()}`,
      holdExpiresAt: b.holdExpiresAt,
    };
  },

  async paymentStarted(tx, id, paymentRef) {
    await tx
      .update(bookings)
      .set({ paymentRef, updatedAt: now() })
      .where(and(eq(bookings.id, id), eq(bookings.status, 'pending_payment')));
  },

  async paymentSucceeded(tx, id, outcome) {
    const at = now();
    const [confirmed] = await tx
      .update(bookings)
      .set({ status: 'confirmed', paymentStatus: 'paid', paymentRef: outcome.paymentRef, holdExpiresAt: null, updatedAt: at })
      .where(and(eq(bookings.id, id), eq(bookings.status, 'pending_payment')))
      .returning({ id: bookings.id });
    // The provider's earning is made with the confirmation, in its transaction (once per booking).
    if (confirmed) {
      await earnFromPayment(tx, id, outcome.paymentRef, at);
      await announceConfirmed(tx, id);
      await announceReceipt(tx, id, outcome.paymentRef);
      return true;
    }
    const [current] = await tx.select().from(bookings).where(eq(bookings.id, id)).limit(1);
    if (!current) return false;
    if (current.paymentStatus === 'paid' && current.paymentRef === outcome.paymentRef) return true;
    // Paid after the hold ran out: keep the booking if its seat is still there.
    if (current.status === 'expired' && current.kind === 'class' && current.classId && (await takeSeat(tx, current.classId))) {
      await tx
        .update(bookings)
        .set({ status: 'confirmed', paymentStatus: 'paid', paymentRef: outcome.paymentRef, holdExpiresAt: null, updatedAt: at })
        .where(eq(bookings.id, id));
      await earnFromPayment(tx, id, outcome.paymentRef, at);
      await announceConfirmed(tx, id);
      await announceReceipt(tx, id, outcome.paymentRef);
      return true;
    }
    return false;
  },

  async paymentFailed(tx, id, paymentRef) {
    await tx
      .update(bookings)
      .set({ paymentStatus: 'failed', updatedAt: now() })
      .where(and(eq(bookings.id, id), eq(bookings.status, 'pending_payment')));
    await announcePaymentFailed(tx, id, paymentRef);
  },

  async paymentAbandoned(tx, id) {
    // The payment will not come: end the hold now rather than at its expiry.
    const at = now();
    await tx
      .update(bookings)
      .set({ holdExpiresAt: at, updatedAt: at })
      .where(and(eq(bookings.id, id), eq(bookings.status, 'pending_payment'), gt(bookings.holdExpiresAt, at)));
    await expireHoldIn(tx, id, at);
  },

  async paymentRefunded(tx, id, refund) {
    await applyEarningRefund(tx, id, refund, now());
    await announceRefund(tx, id, refund);
    await tx
      .update(bookings)
      .set({ paymentStatus: refund.fully ? 'refunded' : 'partially_refunded', updatedAt: now() })
      .where(and(eq(bookings.id, id), inArray(bookings.paymentStatus, ['paid', 'partially_refunded'])));
  },
};
