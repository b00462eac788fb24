import type Stripe from 'stripe';
import { sdkParams } from './spec';

/** Customers: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const CREATE = sdkParams<Stripe.CustomerCreateParams>('CustomerCreateParams', {
  address: true, balance: true, business_name: true, cash_balance: true, description: true, email: true, expand: true,
  individual_name: true, invoice_prefix: true, invoice_settings: true, metadata: true, name: true,
  next_invoice_sequence: true, payment_method: true, phone: true, preferred_locales: true, shipping: true, source: true,
  tax: true, tax_exempt: true, tax_id_data: true, test_clock: true, validate: true,
});
export const SEARCH = sdkParams<Stripe.CustomerSearchParams>('CustomerSearchParams', { expand: true, limit: true, page: true, query: true });
export const LIST = sdkParams<Stripe.CustomerListParams>('CustomerListParams', {
  created: true, email: true, ending_before: true, expand: true, limit: true, starting_after: true, test_clock: true,
});
export const RETRIEVE = sdkParams<Stripe.CustomerRetrieveParams>('CustomerRetrieveParams', { expand: true });
export const UPDATE = sdkParams<Stripe.CustomerUpdateParams>('CustomerUpdateParams', {
  address: true, balance: true, business_name: true, cash_balance: true, default_source: true, description: true,
  email: true, expand: true, individual_name: true, invoice_prefix: true, invoice_settings: true, metadata: true,
  name: true, next_invoice_sequence: true, phone: true, preferred_locales: true, shipping: true, source: true, tax: true,
  tax_exempt: true, validate: true,
});
export const DELETE = sdkParams<Stripe.CustomerDeleteParams>('CustomerDeleteParams', {});
export const LIST_PAYMENT_METHODS = sdkParams<Stripe.CustomerListPaymentMethodsParams>('CustomerListPaymentMethodsParams', {
  allow_redisplay: true, ending_before: true, expand: true, limit: true, starting_after: true, type: true,
});
