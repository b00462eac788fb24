import type Stripe from 'stripe';
import { sdkParams } from './spec';

/** Charges: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const RETRIEVE = sdkParams<Stripe.ChargeRetrieveParams>('ChargeRetrieveParams', { expand: true });
export const UPDATE = sdkParams<Stripe.ChargeUpdateParams>('ChargeUpdateParams', {
  customer: true, description: true, expand: true, fraud_details: true, metadata: true, receipt_email: true,
  shipping: true, transfer_group: true,
});
export const LIST = sdkParams<Stripe.ChargeListParams>('ChargeListParams', {
  created: true, customer: true, ending_before: true, expand: true, limit: true, payment_intent: true,
  starting_after: true, transfer_group: true,
});
