import type Stripe from 'stripe';
import { sdkParams } from './spec';

/** Payouts: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const CREATE = sdkParams<Stripe.PayoutCreateParams>('PayoutCreateParams', {
  amount: true, currency: true, description: true, destination: true, expand: true, metadata: true, method: true,
  payout_method: true, source_type: true, statement_descriptor: true,
});
export const LIST = sdkParams<Stripe.PayoutListParams>('PayoutListParams', {
  arrival_date: true, created: true, destination: true, ending_before: true, expand: true, limit: true,
  starting_after: true, status: true,
});
export const RETRIEVE = sdkParams<Stripe.PayoutRetrieveParams>('PayoutRetrieveParams', { expand: true });
export const UPDATE = sdkParams<Stripe.PayoutUpdateParams>('PayoutUpdateParams', { expand: true, metadata: true });
export const CANCEL = sdkParams<Stripe.PayoutCancelParams>('PayoutCancelParams', { expand: true });
