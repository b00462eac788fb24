import type Stripe from 'stripe';
import { sdkParams } from './spec';

/**
 * Connect accounts, login links and account links: the top-level parameters of each
 * endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts).
 */

export const CREATE = sdkParams<Stripe.AccountCreateParams>('AccountCreateParams', {
  account_token: true, business_profile: true, business_type: true, capabilities: true, company: true, controller: true,
  country: true, default_currency: true, documents: true, email: true, expand: true, external_account: true, groups: true,
  individual: true, metadata: true, settings: true, tos_acceptance: true, type: true,
});
export const LIST = sdkParams<Stripe.AccountListParams>('AccountListParams', {
  created: true, ending_before: true, expand: true, limit: true, starting_after: true,
});
export const RETRIEVE = sdkParams<Stripe.AccountRetrieveParams>('AccountRetrieveParams', { expand: true });
export const RETRIEVE_CURRENT = sdkParams<Stripe.AccountRetrieveCurrentParams>('AccountRetrieveCurrentParams', { expand: true });
export const UPDATE = sdkParams<Stripe.AccountUpdateParams>('AccountUpdateParams', {
  account_token: true, business_profile: true, business_type: true, capabilities: true, company: true,
  default_currency: true, documents: true, email: true, expand: true, external_account: true, groups: true,
  individual: true, metadata: true, settings: true, tos_acceptance: true,
});
export const DELETE = sdkParams<Stripe.AccountDeleteParams>('AccountDeleteParams', {});
export const CREATE_LOGIN_LINK = sdkParams<Stripe.AccountCreateLoginLinkParams>('AccountCreateLoginLinkParams', { expand: true });
export const CREATE_ACCOUNT_LINK = sdkParams<Stripe.AccountLinkCreateParams>('AccountLinkCreateParams', {
  account: true, collect: true, collection_options: true, expand: true, refresh_url: true, return_url: true, type: true,
});
