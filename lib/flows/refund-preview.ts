import 'server-only';
import type { PublicUser } from '@/lib/users';
import { purchaseRefundRevokes } from '@/lib/packages';
import { getPaymentFor } from '@/lib/payments';

/**
 * What refunding `amount` (minor units; undefined for all that remains) of a
 * payment would take back beyond the money: for a class pass, the uses of its
 * credit revoked, by the same rule the refund applies. Null for a payment of
 * anything else. The viewer must be allowed to see the payment.
 */
export async function refundPreview(paymentId: string, amount: number | undefined, viewer: PublicUser): Promise<{ revokes_uses: number } | null> {
  const { payment } = await getPaymentFor(paymentId, viewer);
  if (payment.payable.type !== 'package') return null;
  const paid = payment.amount.amount;
  const remaining = paid - payment.refunded_amount;
  const refunded = payment.refunded_amount + Math.min(amount ?? remaining, remaining);
  const revokes = await purchaseRefundRevokes(payment.payable.id, { refunded, paid, fully: refunded >= paid });
  return revokes === null ? null : { revokes_uses: revokes };
}
