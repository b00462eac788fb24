import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { classPackages, credits, packagePurchases, type ClassPackage, type PackagePurchase } from '@/db/schema';
import { now } from '@/lib/clock';
import { grantCredit, previewRevokeForRefund, revokeForRefund, SYSTEM_ACTOR } from '@/lib/credits';
import type { PayableCharge, PayableHandler } from '@/lib/payables';
import { creditExpiry } from '@/lib/time';

/** What a purchase charges: its own fixed price and fee, named after the package. */
export function purchaseCharge(purchase: PackagePurchase, pkg: Pick<ClassPackage, 'name'>): PayableCharge {
  const count = purchase.classCount;
  return {
    payable: { type: 'package', id: purchase.id },
    clientId: purchase.clientId,
    providerId: null,
    amount: { amount: purchase.priceAmount, currency: purchase.currency },
    feeBps: purchase.feeBps,
    feeAmount: purchase.feeAmount,
    description: `${pkg.name} (${count} ${count === 1 ? 'class' : 'classes'})`,
    holdExpiresAt: null,
  };
}

async function purchaseWithPackage(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ purchase: packagePurchases, pkg: classPackages })
    .from(packagePurchases)
    .innerJoin(classPackages, eq(classPackages.id, packagePurchases.packageId))
    .where(eq(packagePurchases.id, id))
    .limit(1);
  return row;
}

/**
 * Package purchases as payables. A succeeded payment grants exactly one
 * credit, keyed by its PaymentIntent, however often the webhook comes; a
 * refund takes back the unused uses it paid for. Each runs in the transaction
 * of the payment change that causes it.
 */
export const packagePayable: PayableHandler = {
  async charge(db, id) {
    const row = await purchaseWithPackage(db, id);
    if (!row || !['pending', 'failed'].includes(row.purchase.status)) return null;
    return purchaseCharge(row.purchase, row.pkg);
  },

  async paymentStarted(tx, id, paymentRef) {
    await tx.update(packagePurchases).set({ paymentRef, updatedAt: now() }).where(and(eq(packagePurchases.id, id), inArray(packagePurchases.status, ['pending', 'failed'])));
  },

  async paymentSucceeded(tx, id, outcome) {
    const at = now();
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
    const recorded = outcome.recordedBy;
    await grantCredit(tx, {
      clientId: purchase.clientId,
      packageId: pkg.id,
      purchaseId: purchase.id,
      // A purchase made outside the app and recorded through the integration API says so, with who recorded it.
      source: recorded ? 'integration' : 'purchase',
      packageName: pkg.name,
      // The terms the purchase was opened with, not the package's now: an admin may have changed them meanwhile.
      uses: purchase.classCount,
      paymentId: outcome.paymentRef,
      amountPaid: outcome.amount.amount,
      currency: outcome.amount.currency,
      feeBps: purchase.feeBps,
      purchasedAt: at,
      expiresAt: creditExpiry(at, purchase.validityDays),
      classScope: purchase.classScope,
      classIds: purchase.classIds,
      sessionTypeIds: purchase.sessionTypeIds,
      actor: recorded ?? SYSTEM_ACTOR,
      reason: recorded ? `Bought ${pkg.name} (recorded by the payment system)` : `Bought ${pkg.name}`,
    });
    return true;
  },

  async paymentFailed(tx, id) {
    await tx.update(packagePurchases).set({ status: 'failed', updatedAt: now() }).where(and(eq(packagePurchases.id, id), eq(packagePurchases.status, 'pending')));
  },

  async paymentAbandoned(tx, id) {
    await tx.update(packagePurchases).set({ status: 'abandoned', updatedAt: now() }).where(and(eq(packagePurchases.id, id), inArray(packagePurchases.status, ['pending', 'failed'])));
  },

  async paymentRefunded(tx, id, refund) {
    const [credit] = await tx.select({ id: credits.id }).from(credits).where(eq(credits.purchaseId, id)).limit(1);
    if (!credit) return;
    await revokeForRefund(tx, credit.id, refund, { at: now(), actor: SYSTEM_ACTOR, reason: refund.fully ? 'Purchase refunded' : 'Purchase partly refunded' });
  },
};

/** How many uses of the purchase's credit a refund would revoke (the same rule paymentRefunded applies), or null without a credit. */
export async function purchaseRefundRevokes(purchaseId: string, refund: { refunded: number; paid: number; fully: boolean }): Promise<number | null> {
  const [credit] = await getDb().select({ id: credits.id }).from(credits).where(eq(credits.purchaseId, purchaseId)).limit(1);
  return credit ? previewRevokeForRefund(credit.id, refund) : null;
}
