import type Stripe from 'stripe';
import { sdkParams } from './spec';

/**
 * Balance, balance transactions and application fees: the top-level parameters of each
 * endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts).
 */

export const BALANCE = sdkParams<Stripe.BalanceRetrieveParams>('BalanceRetrieveParams', { expand: true });
export const TRANSACTION = sdkParams<Stripe.BalanceTransactionRetrieveParams>('BalanceTransactionRetrieveParams', { expand: true });
export const TRANSACTIONS = sdkParams<Stripe.BalanceTransactionListParams>('BalanceTransactionListParams', {
  created: true, currency: true, ending_before: true, expand: true, limit: true, payout: true, source: true,
  starting_after: true, type: true,
});
export const FEE = sdkParams<Stripe.ApplicationFeeRetrieveParams>('ApplicationFeeRetrieveParams', { expand: true });
export const FEES = sdkParams<Stripe.ApplicationFeeListParams>('ApplicationFeeListParams', {
  charge: true, created: true, ending_before: true, expand: true, limit: true, starting_after: true,
});
