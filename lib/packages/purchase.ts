import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { classPackages, credits, packagePurchases, type ClassPackage } from '@/db/schema';
import { toCreditDto, type CreditDto } from '@/lib/credits';
import { isUuid } from '@/lib/fields';
import { AppError } from '@/lib/errors';
import { money, platformFee, type Money } from '@/lib/money';
import type { PayableCharge } from '@/lib/payables';
import { paymentsEnabled } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import { purchaseCharge } from './payable';

export type PurchaseStatus = 'pending' | 'paid' | 'failed' | 'abandoned';

export interface PurchaseView {
  purchase: {
    id: string;
    status: PurchaseStatus;
    package: { id: string; name: string; class_count: number };
    price: Money;
    payment_id: string | null;
    created_at: string;
  };
  /** The credit the purchase granted, once its payment succeeded. */
  credit: CreditDto | null;
}

/**
 * A client starts (or resumes) buying a package: the client's open purchase
 * of the package, made if there is none, its price fixed from the package
 * now. Asking again, however often and however concurrently, gives the same
 * open purchase (the package_purchases_one_open_key index decides). Paying
 * for it is the purchase flow's business (lib/flows); the credit is granted
 * by the payment's webhook, never here. The
 * package row is share-locked meanwhile, so an admin's change of terms
 * (which closes open purchases) lands wholly before or after this.
 */
export async function openPurchase(packageId: string, client: PublicUser): Promise<string> {
  if (!isUuid(packageId)) throw new AppError('not_found', 'No such package.');
  const enabled = await paymentsEnabled();
  return getDb().transaction(async (tx) => {
    const [pkg] = await tx.select().from(classPackages).where(eq(classPackages.id, packageId)).for('share').limit(1);
    if (!pkg) throw new AppError('not_found', 'No such package.');
    if (!pkg.active) throw new AppError('unprocessable', 'This package is no longer sold.');
    if (!enabled) throw new AppError('unprocessable', 'Card payments are switched off.');
    await tx
      .insert(packagePurchases)
      .values({
        clientId: client.id,
        packageId: pkg.id,
        priceAmount: pkg.priceAmount,
        currency: pkg.currency,
        feeBps: pkg.feeBps,
        feeAmount: platformFee(pkg.priceAmount, pkg.feeBps),
        ...termsOf(pkg),
      })
      .onConflictDoNothing();
    // Ours, or the one a concurrent request (or an earlier visit) opened first.
    const [open] = await tx
      .select({ id: packagePurchases.id })
      .from(packagePurchases)
      .where(and(eq(packagePurchases.clientId, client.id), eq(packagePurchases.packageId, pkg.id), inArray(packagePurchases.status, ['pending', 'failed'])))
      .limit(1);
    if (!open) throw new Error('no open package purchase after insert');
    return open.id;
  });
}

/** What a purchase keeps of its package when it is opened: the credit it pays for is granted on these terms. */
function termsOf(pkg: ClassPackage) {
  return { classCount: pkg.classCount, validityDays: pkg.validityDays, classScope: pkg.classScope, classIds: pkg.classIds, sessionTypeIds: pkg.sessionTypeIds };
}

/** Whether a purchase still waits for its payment (pending, or failed and retryable). */
export async function isPurchaseOpen(purchaseId: string): Promise<boolean> {
  const [row] = await getDb().select({ status: packagePurchases.status }).from(packagePurchases).where(eq(packagePurchases.id, purchaseId)).limit(1);
  return row !== undefined && (row.status === 'pending' || row.status === 'failed');
}

/** A purchase and its credit, for its client or an admin; anyone else is told it does not exist. */
export async function getPurchaseFor(purchaseId: string, viewer: PublicUser): Promise<PurchaseView> {
  const notFound = new AppError('not_found', 'No such purchase.');
  if (!isUuid(purchaseId)) throw notFound;
  const [row] = await getDb()
    .select({ purchase: packagePurchases, name: classPackages.name })
    .from(packagePurchases)
    .innerJoin(classPackages, eq(classPackages.id, packagePurchases.packageId))
    .where(eq(packagePurchases.id, purchaseId))
    .limit(1);
  if (!row || (viewer.role !== 'admin' && row.purchase.clientId !== viewer.id)) throw notFound;
  const p = row.purchase;
  const [credit] = await getDb().select().from(credits).where(eq(credits.purchaseId, p.id)).limit(1);
  return {
    purchase: {
      id: p.id,
      status: p.status,
      // The count the purchase was opened with (the credit's own once granted): the package may have changed since.
      package: { id: p.packageId, name: credit?.packageName ?? row.name, class_count: credit?.totalUses ?? p.classCount },
      price: money(p.priceAmount, p.currency),
      payment_id: p.paymentRef,
      created_at: p.createdAt.toISOString(),
    },
    credit: credit ? toCreditDto(credit) : null,
  };
}

/**
 * A purchase paid outside the app (seed 000's "create credit", through the
 * integration API), recorded as paid inside the transaction that records its
 * payment: price and fee fixed from the package now. Returns what it charged,
 * for the payments row.
 */
export async function recordExternalPurchase(tx: Tx, input: { clientId: string; pkg: ClassPackage; paymentRef: string; at: Date }): Promise<PayableCharge> {
  const { pkg, at } = input;
  const [purchase] = await tx
    .insert(packagePurchases)
    .values({
      clientId: input.clientId,
      packageId: pkg.id,
      priceAmount: pkg.priceAmount,
      currency: pkg.currency,
      feeBps: pkg.feeBps,
      feeAmount: platformFee(pkg.priceAmount, pkg.feeBps),
      ...termsOf(pkg),
      status: 'paid',
      paymentRef: input.paymentRef,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!purchase) throw new Error('package purchase was not recorded');
  return purchaseCharge(purchase, pkg);
}
