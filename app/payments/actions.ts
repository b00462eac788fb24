'use server';

import { revalidatePath } from 'next/cache';
import { actionUser, failure, field, signedOut } from '@/app/bookings/action-helpers';
import type { BookingFormState } from '@/components/bookings/form-state';
import { parseMoneyInput } from '@/lib/money';
import { getPaymentFor } from '@/lib/payments/queries';
import { payments } from '@/lib/flows/payments';

const MAX_REASON = 500;

/** A refund by an admin (any payment) or the practitioner paid (lib/payments checks): the amount is typed in major units ("12.50") and becomes minor units here; empty means what remains. */
export async function refundPaymentAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const actor = await actionUser(['admin', 'provider']);
  if (!actor) return signedOut;
  const reason = field(form, 'reason');
  if (!reason) return { error: 'Give a reason for the refund.', fields: { reason: ['Give a reason.'] } };
  if (reason.length > MAX_REASON) return { error: `The reason can be at most ${MAX_REASON} characters.`, fields: { reason: [`At most ${MAX_REASON} characters.`] } };
  try {
    const { payment } = await getPaymentFor(field(form, 'payment_id'), actor);
    const raw = field(form, 'amount');
    const amount = raw === '' ? undefined : parseMoneyInput(raw, payment.amount.currency);
    if (amount === null) return { error: 'Enter the amount as a number, like 12.50.', fields: { amount: ['Enter an amount like 12.50.'] } };
    if (amount !== undefined && amount <= 0) return { error: 'The refund must be more than zero.', fields: { amount: ['Must be more than zero.'] } };
    await payments.refund(payment.id, { amount, reason }, actor);
    revalidatePath(`/${actor.role}/payments/${payment.id}`);
    revalidatePath(`/${actor.role}/payments`);
  } catch (err) {
    return failure(err);
  }
  return { ok: 'Refund requested. Stripe confirms it shortly.' };
}
