import type Stripe from 'stripe';
import { sdkParams } from './spec';

/** PaymentMethods: the top-level parameters of each endpoint, exactly the SDK's (checked by the compiler and tests/params.test.ts). */

export const CREATE = sdkParams<Stripe.PaymentMethodCreateParams>('PaymentMethodCreateParams', {
  acss_debit: true, affirm: true, afterpay_clearpay: true, alipay: true, allow_redisplay: true, alma: true,
  amazon_pay: true, au_becs_debit: true, bacs_debit: true, bancontact: true, billie: true, billing_details: true,
  bizum: true, blik: true, boleto: true, card: true, cashapp: true, crypto: true, custom: true, customer: true,
  customer_balance: true, eps: true, expand: true, fpx: true, giropay: true, grabpay: true, ideal: true,
  interac_present: true, kakao_pay: true, klarna: true, konbini: true, kr_card: true, link: true, mb_way: true,
  metadata: true, mobilepay: true, multibanco: true, naver_pay: true, nz_bank_account: true, oxxo: true, p24: true,
  pay_by_bank: true, payco: true, payment_method: true, paynow: true, paypal: true, paypay: true, payto: true, pix: true,
  promptpay: true, radar_options: true, revolut_pay: true, samsung_pay: true, satispay: true, scalapay: true,
  sepa_debit: true, sequra: true, sofort: true, sunbit: true, swish: true, twint: true, type: true, upi: true,
  us_bank_account: true, wechat_pay: true, zip: true,
});
export const RETRIEVE = sdkParams<Stripe.PaymentMethodRetrieveParams>('PaymentMethodRetrieveParams', { expand: true });
export const UPDATE = sdkParams<Stripe.PaymentMethodUpdateParams>('PaymentMethodUpdateParams', {
  allow_redisplay: true, billing_details: true, card: true, expand: true, metadata: true, us_bank_account: true,
});
export const ATTACH = sdkParams<Stripe.PaymentMethodAttachParams>('PaymentMethodAttachParams', {
  customer: true, customer_account: true, expand: true,
});
export const DETACH = sdkParams<Stripe.PaymentMethodDetachParams>('PaymentMethodDetachParams', { expand: true });
export const LIST = sdkParams<Stripe.PaymentMethodListParams>('PaymentMethodListParams', {
  allow_redisplay: true, customer: true, customer_account: true, ending_before: true, expand: true, limit: true,
  starting_after: true, type: true,
});
