import type Stripe from 'stripe';
import { emulatorParams, sdkParams } from './spec';

/** PaymentIntents: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const CREATE = sdkParams<Stripe.PaymentIntentCreateParams>('PaymentIntentCreateParams', {
  allowed_payment_method_types: true, amount: true, amount_details: true, application_fee_amount: true,
  automatic_payment_methods: true, capture_method: true, confirm: true, confirmation_method: true,
  confirmation_token: true, currency: true, customer: true, customer_account: true, description: true,
  error_on_requires_action: true, excluded_payment_method_types: true, expand: true, hooks: true, mandate: true,
  mandate_data: true, metadata: true, off_session: true, on_behalf_of: true, payment_details: true, payment_method: true,
  payment_method_configuration: true, payment_method_data: true, payment_method_options: true, radar_options: true,
  receipt_email: true, return_url: true, setup_future_usage: true, shipping: true, statement_descriptor: true,
  statement_descriptor_suffix: true, transfer_data: true, transfer_group: true, use_stripe_sdk: true,
});
export const LIST = sdkParams<Stripe.PaymentIntentListParams>('PaymentIntentListParams', {
  created: true, customer: true, customer_account: true, ending_before: true, expand: true, limit: true,
  starting_after: true,
});
export const RETRIEVE = sdkParams<Stripe.PaymentIntentRetrieveParams>('PaymentIntentRetrieveParams', { client_secret: true, expand: true });
export const UPDATE = sdkParams<Stripe.PaymentIntentUpdateParams>('PaymentIntentUpdateParams', {
  allowed_payment_method_types: true, amount: true, amount_details: true, application_fee_amount: true,
  capture_method: true, currency: true, customer: true, customer_account: true, description: true,
  excluded_payment_method_types: true, expand: true, hooks: true, metadata: true, payment_details: true,
  payment_method: true, payment_method_configuration: true, payment_method_data: true, payment_method_options: true,
  receipt_email: true, setup_future_usage: true, shipping: true, statement_descriptor: true,
  statement_descriptor_suffix: true, transfer_data: true, transfer_group: true,
});
export const CONFIRM = sdkParams<Stripe.PaymentIntentConfirmParams>(
  'PaymentIntentConfirmParams',
  {
    allowed_payment_method_types: true, amount_details: true, amount_to_confirm: true, capture_method: true,
    confirmation_token: true, error_on_requires_action: true, excluded_payment_method_types: true, expand: true, hooks: true,
    mandate: true, mandate_data: true, off_session: true, payment_details: true, payment_method: true,
    payment_method_data: true, payment_method_options: true, radar_options: true, receipt_email: true, return_url: true,
    setup_future_usage: true, shipping: true, use_stripe_sdk: true,
  },
  // Stripe.js confirms with the publishable key and the PaymentIntent's client secret.
  ['client_secret'],
);
export const CAPTURE = sdkParams<Stripe.PaymentIntentCaptureParams>('PaymentIntentCaptureParams', {
  amount_details: true, amount_to_capture: true, application_fee_amount: true, expand: true, final_capture: true,
  hooks: true, metadata: true, payment_details: true, statement_descriptor: true, statement_descriptor_suffix: true,
  transfer_data: true,
});
/** The emulator's own 3-D Secure step (POST /v1/payment_intents/:id/_authenticate). */
export const AUTHENTICATE = emulatorParams(['outcome', 'client_secret']);
export const CANCEL = sdkParams<Stripe.PaymentIntentCancelParams>('PaymentIntentCancelParams', { cancellation_reason: true, expand: true });
