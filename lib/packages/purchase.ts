import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classPackages, credits, packagePurchases } from '@/db/schema';
import { toCreditDto, type CreditDto } from '@/lib/credits/queries';
import { env } from '@/lib/env';
import { isUuid } from '@/lib/http/fields';
import { AppError, isAppError } from '@/lib/http/errors';
import { money, platformFee, type Money } from '@/lib/money';
import { checkoutFor, type CheckoutStart } from '@/lib/payments/checkout';
import type { PublicUser } from '@/lib/users/public-user';

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
 * A client starts (or resumes) buying a package: the purchase, its price fixed
 * from the package now, and its one card payment. Asking again, however often
 * and however concurrently, resumes the same open purchase and PaymentIntent
 * (the package_purchases_one_open_key index decides). The credit itself is
 * granted by the payment's webhook, never here.
 */
export async function startPackagePurchase(packageId: string, client: PublicUser, origin: string): Promise<{ purchase_id: string } & CheckoutStart> {
  // A purchase that is paid or closed between finding it and paying for it is settled: take the next one.
  for (let attempt = 0; ; attempt++) {
    const purchaseId = await openPurchase(packageId, client);
    try {
      const checkout = await checkoutFor({ type: 'package', id: purchaseId }, client, origin, {
        paid: `/account/credits/purchases/${purchaseId}`,
        back: '/packages',
      });
      return { purchase_id: purchaseId, ...checkout };
    } catch (err) {
      if (attempt < 2 && isAppError(err) && err.code === 'invalid_transition' && !(await isOpen(purchaseId))) continue;
      throw err;
    }
  }
}

/**
 * The client's open purchase of the package, made if there is none. The
 * package row is share-locked meanwhile, so an admin's change of terms
 * (which closes open purchases) lands wholly before or after this.
 */
async function openPurchase(packageId: string, client: PublicUser): Promise<string> {
  if (!isUuid(packageId)) throw new AppError('not_found', 'No such package.');
  return getDb().transaction(async (tx) => {
    const [pkg] = await tx.select().from(classPackages).where(eq(classPackages.id, packageId)).for('share').limit(1);
    if (!pkg) throw new AppError('not_found', 'No such package.');
    if (!pkg.active) throw new AppError('unprocessable', 'This package is no longer sold.');
    if (!env().PAYMENTS_ENABLED) throw new AppError('unprocessable', 'Card payments are switched off.');
    await tx
      .insert(packagePurchases)
      .values({
        clientId: client.id,
        packageId: pkg.id,
        priceAmount: pkg.priceAmount,
        currency: pkg.currency,
        feeBps: pkg.feeBps,
        feeAmount: platformFee(pkg.priceAmount, pkg.feeBps),
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

async function isOpen(purchaseId: string): Promise<boolean> {
  const [row] = await getDb().select({ status: packagePurchases.status }).from(packagePurchases).where(eq(packagePurchases.id, purchaseId)).limit(1);
  return row !== undefined && (row.status === 'pending' || row.status === 'failed');
}

/** A purchase and its credit, for its client or an admin; anyone else is told it does not exist. */
export async function getPurchaseFor(purchaseId: string, viewer: PublicUser): Promise<PurchaseView> {
  const notFound = new AppError('not_found', 'No such purchase.');
  if (!isUuid(purchaseId)) throw notFound;
  const [row] = await getDb()
    .select({ purchase: packagePurchases, name: classPackages.name, classCount: classPackages.classCount })
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
      // The credit's own count when there is one: the package may have changed since.
      package: { id: p.packageId, name: credit?.packageName ?? row.name, class_count: credit?.totalUses ?? row.classCount },
      price: money(p.priceAmount, p.currency),
      payment_id: p.paymentRef,
      created_at: p.createdAt.toISOString(),
    },
    credit: credit ? toCreditDto(credit) : null,
  };
}
