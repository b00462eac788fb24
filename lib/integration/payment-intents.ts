import 'server-only';
import { AppError } from '@/lib/http/errors';
import { getStripe } from '@/lib/payments/stripe-client';
import type { StripeCharge, StripePaymentIntent } from '@/lib/payments/stripe-types';

/**
 * Reads a PaymentIntent an integration names, with its charge. Stripe's
 * "resource_missing" (no such PaymentIntent on our account) is a 404.
 */
export async function retrievePaymentIntent(id: string): Promise<StripePaymentIntent> {
  try {
    return await getStripe().paymentIntents.retrieve(id, { expand: ['latest_charge'] });
  } catch (err) {
    if ((err as { code?: unknown })?.code === 'resource_missing') {
      throw new AppError('not_found', 'Stripe has no such payment.', { fields: { payment_id: ['No PaymentIntent has this id.'] } });
    }
    throw err;
  }
}

export function chargeOf(pi: StripePaymentIntent): StripeCharge | null {
  return typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
}

/** A payment that has not succeeded cannot be applied: 422 with its status. */
export function requireSucceeded(pi: StripePaymentIntent): void {
  if (pi.status !== 'succeeded') {
    throw new AppError('unprocessable', `This payment has not succeeded (its status is ${pi.status}).`, {
      fields: { payment_id: [`The PaymentIntent is ${pi.status}, not succeeded.`] },
    });
  }
}
