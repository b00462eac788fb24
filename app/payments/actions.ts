'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/http';
import { refundBody, getPaymentFor } from '@/lib/payments';
import { payments } from '@/lib/flows';

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
