import 'server-only';
import { changePackage, type PackagePatch, isPurchaseOpen, openPurchase, type PackageDto } from '@/lib/packages';
import { cancelOpenPayment, type CheckoutStart, type MpesaPaymentDto } from '@/lib/payments';
import { isAppError } from '@/lib/errors';
import type { PublicUser } from '@/lib/users';
import { payments } from './payments';

/**
 * A client starts (or resumes) buying a package: the open purchase (its price
 * fixed now) and its one card payment, like a booking and its payment. Asking
 * again, however often and however concurrently, resumes the same purchase and
 * PaymentIntent. The credit is granted by the payment's webhook, never here.
 */
export type PackageCheckout = CheckoutStart | { mode: 'mpesa'; payment: MpesaPaymentDto; amount: MpesaPaymentDto['amount'] };

export async function startPackagePurchase(
  packageId: string,
  client: PublicUser,
  origin: string,
  pay: { pay_with?: 'card' | 'mpesa'; phone?: string } = {},
): Promise<{ purchase_id: string } & PackageCheckout> {
  // A purchase that is paid or closed between finding it and paying for it is settled: take the next one.
  for (let attempt = 0; ; attempt++) {
    const purchaseId = await openPurchase(packageId, client);
    try {
      if (pay.pay_with === 'mpesa') {
        const payment = await payments.startMpesa({ type: 'package', id: purchaseId }, client, { phone: pay.phone });
        return { purchase_id: purchaseId, mode: 'mpesa', payment, amount: payment.amount };
      }
      const checkout = await payments.checkout({ type: 'package', id: purchaseId }, client, origin, {
        paid: `/account/credits/purchases/${purchaseId}`,
        back: '/packages',
      });
      return { purchase_id: purchaseId, ...checkout };
    } catch (err) {
      if (attempt < 2 && isAppError(err) && err.code === 'invalid_transition' && !(await isPurchaseOpen(purchaseId))) continue;
      throw err;
    }
  }
}

/**
 * An admin changes a package; purchases it closed (new terms, or retired)
 * have their waiting PaymentIntents cancelled after the commit. A payment
 * that succeeds anyway is still honoured by the package payable.
 */
export async function updatePackage(id: string, patch: PackagePatch, actor: PublicUser): Promise<PackageDto> {
  const { package: changed, closedPurchaseIds } = await changePackage(id, patch, actor);
  for (const purchaseId of closedPurchaseIds) await cancelOpenPayment({ type: 'package', id: purchaseId });
  return changed;
}
