import type Stripe from 'stripe';
import { sdkParams } from './spec';

/** Refunds: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const CREATE = sdkParams<Stripe.RefundCreateParams>('RefundCreateParams', {
  amount: true, charge: true, currency: true, customer: true, expand: true, instructions_email: true, metadata: true,
  origin: true, payment_intent: true, reason: true, refund_application_fee: true, reverse_transfer: true,
});
export const LIST = sdkParams<Stripe.RefundListParams>('RefundListParams', {
  charge: true, created: true, ending_before: true, expand: true, limit: true, payment_intent: true, starting_after: true,
});
export const RETRIEVE = sdkParams<Stripe.RefundRetrieveParams>('RefundRetrieveParams', { expand: true });
export const UPDATE = sdkParams<Stripe.RefundUpdateParams>('RefundUpdateParams', { expand: true, metadata: true });
export const CANCEL = sdkParams<Stripe.RefundCancelParams>('RefundCancelParams', { expand: true });
