import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classPackages, credits, packagePurchases } from '@/db/schema';
import { now } from '@/lib/clock';
import { grantCredit, revokeForRefund, SYSTEM_ACTOR } from '@/lib/credits/ledger';
import type { PayableHandler } from '@/lib/payables/types';
import { creditExpiry } from '@/lib/time';


/**
 * Package purchases as payables. A succeeded payment grants exactly one
 * credit, keyed by its PaymentIntent, whatever how often the webhook comes;
 * a refund takes back the unused uses it paid for.
 */
export const packagePayable: PayableHandler = {
  async charge(id) {
    const [row] = await getDb()
      .select({ purchase: packagePurchases, name: classPackages.name, classCount: classPackages.classCount })
      .from(packagePurchases)
      .innerJoin(classPackages, eq(classPackages.id, packagePurchases.packageId))
      .where(eq(packagePurchases.id, id))
      .limit(1);
    if (!row || !['pending', 'failed'].includes(row.purchase.status)) return null;
    const p = row.purchase;
    return {
      payable: { type: 'package', id: p.id },
      clientId: p.clientId,
      providerId: null,
      amount: { amount: p.priceAmount, currency: p.currency },
      feeBps: p.feeBps,
      feeAmount: p.feeAmount,
      description: `${row.name} (${row.classCount} ${row.classCount === 1 ? 'class' : 'classes'})`,
      holdExpiresAt: null,
    };
  },

  async paymentStarted(id, paymentRef) {
    await getDb().update(packagePurchases).set({ paymentRef, updatedAt: now() }).where(and(eq(packagePurchases.id, id), inArray(packagePurchases.status, ['pending', 'failed'])));
  },

  async paymentSucceeded(id, outcome) {
    const at = now();
    return getDb().transaction(async (tx) => {
      const [row] = await tx
        .select({ purchase: packagePurchases, pkg: classPackages })
        .from(packagePurchases)
        .innerJoin(classPackages, eq(classPackages.id, packagePurchases.packageId))
        .where(eq(packagePurchases.id, id))
        .for('update', { of: packagePurchases })
        .limit(1);
      if (!row) return false;
      const { purchase, pkg } = row;
      // Money taken is honoured even if the purchase had been given up meanwhile: the client gets the credit.
      await tx.update(packagePurchases).set({ status: 'paid', paymentRef: outcome.paymentRef, updatedAt: at }).where(eq(packagePurchases.id, id));
      await grantCredit(tx, {
        clientId: purchase.clientId,
        packageId: pkg.id,
        purchaseId: purchase.id,
        source: 'purchase',
        packageName: pkg.name,
        uses: pkg.classCount,
        paymentId: outcome.paymentRef,
        amountPaid: outcome.amount.amount,
        currency: outcome.amount.currency,
        feeBps: purchase.feeBps,
        purchasedAt: at,
        expiresAt: creditExpiry(at, pkg.validityDays),
        classScope: pkg.classScope,
        classIds: pkg.classIds,
        sessionTypeIds: pkg.sessionTypeIds,
        actor: SYSTEM_ACTOR,
        reason: `Bought ${pkg.name}`,
      });
      return true;
    });
  },

  async paymentFailed(id) {
    await getDb().update(packagePurchases).set({ status: 'failed', updatedAt: now() }).where(and(eq(packagePurchases.id, id), eq(packagePurchases.status, 'pending')));
  },

  async paymentAbandoned(id) {
    await getDb().update(packagePurchases).set({ status: 'abandoned', updatedAt: now() }).where(and(eq(packagePurchases.id, id), inArray(packagePurchases.status, ['pending', 'failed'])));
  },

  async paymentRefunded(id, refund) {
    await getDb().transaction(async (tx) => {
      const [credit] = await tx.select({ id: credits.id }).from(credits).where(eq(credits.purchaseId, id)).limit(1);
      if (!credit) return;
      await revokeForRefund(tx, credit.id, refund, { at: now(), actor: SYSTEM_ACTOR, reason: refund.fully ? 'Purchase refunded' : 'Purchase partly refunded' });
    });
  },
};
