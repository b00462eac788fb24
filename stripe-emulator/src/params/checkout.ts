import type Stripe from 'stripe';
import { sdkParams } from './spec';

/** Checkout Sessions: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const CREATE = sdkParams<Stripe.Checkout.SessionCreateParams>('Checkout.SessionCreateParams', {
  adaptive_pricing: true, after_expiration: true, allow_promotion_codes: true, allowed_payment_method_types: true,
  automatic_tax: true, billing_address_collection: true, branding_settings: true, cancel_url: true,
  client_reference_id: true, consent_collection: true, currency: true, custom_fields: true, custom_text: true,
  customer: true, customer_account: true, customer_creation: true, customer_email: true, customer_update: true,
  discounts: true, excluded_payment_method_types: true, expand: true, expires_at: true, integration_identifier: true,
  invoice_creation: true, line_items: true, locale: true, managed_payments: true, metadata: true, mode: true,
  name_collection: true, optional_items: true, origin_context: true, payment_intent_data: true,
  payment_method_collection: true, payment_method_configuration: true, payment_method_data: true,
  payment_method_options: true, permissions: true, phone_number_collection: true, redirect_on_completion: true,
  return_url: true, saved_payment_method_options: true, setup_intent_data: true, shipping_address_collection: true,
  shipping_options: true, submit_type: true, subscription_data: true, success_url: true, tax_id_collection: true,
  ui_mode: true, wallet_options: true,
});
export const RETRIEVE = sdkParams<Stripe.Checkout.SessionRetrieveParams>('Checkout.SessionRetrieveParams', { expand: true });
export const LIST = sdkParams<Stripe.Checkout.SessionListParams>('Checkout.SessionListParams', {
  created: true, customer: true, customer_account: true, customer_details: true, ending_before: true, expand: true,
  limit: true, payment_intent: true, payment_link: true, starting_after: true, status: true, subscription: true,
});
export const EXPIRE = sdkParams<Stripe.Checkout.SessionExpireParams>('Checkout.SessionExpireParams', { expand: true });
export const LIST_LINE_ITEMS = sdkParams<Stripe.Checkout.SessionListLineItemsParams>('Checkout.SessionListLineItemsParams', {
  ending_before: true, expand: true, limit: true, starting_after: true,
});
