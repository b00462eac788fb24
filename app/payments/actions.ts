'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/http';
import { refundBody, getPaymentFor } from '@/lib/payments';
import { getCurrentUser } from '@/lib/auth';
import { payments, refundPreview } from '@/lib/flows';
import { parseMoneyInput } from '@/lib/money';

/**
 * POST /api/v1/payments/:id/refund {amount?, reason}, by an admin (any payment) or the practitioner paid (lib/payments checks).
 * The amount is typed in the payment's currency ("12.50") and becomes minor units here; empty means what remains.
 */
export const refundPaymentAction = formAction(
  {
    access: ['admin', 'provider'],
    schema: refundBody,
    body: async (input, user) => {
      const { payment } = await getPaymentFor(input.text('payment_id'), user);
      return { amount: input.money('amount', payment.amount.currency), reason: input.text('reason') };
    },
  },
  async ({ user, body, input }) => {
    const refund = await payments.refund(input.text('payment_id'), body, user);
    revalidatePath(`/${user.role}/payments/${refund.payment_id}`);
    revalidatePath(`/${user.role}/payments`);
    return { ok: 'Refund requested. Stripe confirms it shortly.' };
  },
);

/**
 * The refund dialog's preview (admin or the practitioner paid): what refunding the amount typed (empty: all that
 * remains) would take back besides the money, computed by lib/flows as the refund will apply it. Null when nothing.
 */
export async function previewRefundAction(paymentId: string, amountText: string): Promise<{ revokes_uses: number } | null> {
  const user = await getCurrentUser();
  if (!user || (user.role !== 'admin' && user.role !== 'provider')) return null;
  try {
    const { payment } = await getPaymentFor(paymentId, user);
    const typed = amountText.trim();
    const amount = typed === '' ? undefined : parseMoneyInput(typed, payment.amount.currency);
    if (amount === null) return null;
    return await refundPreview(paymentId, amount, user);
  } catch {
    return null;
  }
}
