import type Stripe from 'stripe';
import { sdkParams } from './spec';

/** Transfers and their reversals: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const CREATE = sdkParams<Stripe.TransferCreateParams>('TransferCreateParams', {
  amount: true, currency: true, description: true, destination: true, expand: true, metadata: true,
  source_transaction: true, source_type: true, transfer_group: true,
});
export const RETRIEVE = sdkParams<Stripe.TransferRetrieveParams>('TransferRetrieveParams', { expand: true });
export const UPDATE = sdkParams<Stripe.TransferUpdateParams>('TransferUpdateParams', { description: true, expand: true, metadata: true });
export const LIST = sdkParams<Stripe.TransferListParams>('TransferListParams', {
  created: true, destination: true, ending_before: true, expand: true, limit: true, starting_after: true,
  transfer_group: true,
});
export const CREATE_REVERSAL = sdkParams<Stripe.TransferCreateReversalParams>('TransferCreateReversalParams', {
  amount: true, description: true, expand: true, metadata: true, refund_application_fee: true,
});
export const LIST_REVERSALS = sdkParams<Stripe.TransferListReversalsParams>('TransferListReversalsParams', {
  ending_before: true, expand: true, limit: true, starting_after: true,
});
export const RETRIEVE_REVERSAL = sdkParams<Stripe.TransferRetrieveReversalParams>('TransferRetrieveReversalParams', { expand: true });
export const UPDATE_REVERSAL = sdkParams<Stripe.TransferUpdateReversalParams>('TransferUpdateReversalParams', { expand: true, metadata: true });
