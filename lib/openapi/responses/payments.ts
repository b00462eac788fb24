import { z } from 'zod';
import { ledgerType, paymentState } from '@/db/schema';
import type { CheckoutStart, HostedCheckout, LedgerEntryDto, MpesaPaymentDto, PaymentDto, PaymentRefundDto, PaymentStatusDto, RefundDto, StartedPayment } from '@/lib/payments';
import { describes } from '../registry';
import { id, instant, money, pageFields } from './common';

export const payment = describes<PaymentDto>()(
  z.object({
    id: z.string().describe('The Stripe PaymentIntent id ("pi_…"), the Checkout Session id ("cs_…") until a hosted checkout is paid, or our own id ("mp_…") for M-Pesa.'),
    payable: z.object({ type: z.string().describe('"booking", or another kind of purchase.'), id }).describe('What the payment pays for.'),
    client: z.object({ id, name: z.string(), email: z.string().nullable().describe('null for a provider.') }),
    provider: z.object({ id, name: z.string() }).nullable(),
    amount: money,
    platform_fee: z.object({ amount: z.int(), bps: z.int() }).describe('Fixed when the payment was created; never recomputed.'),
    provider_amount: z.int().describe('The provider\'s share: amount - platform fee, in minor units.'),
    refunded_amount: z.int(),
    status: z.enum(paymentState.enumValues),
    payment_provider: z.enum(['card', 'mpesa']).describe('How it is paid: by card (Stripe) or M-Pesa STK Push.'),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable().describe('For the client and admins only.'),
    mpesa: z
      .object({
        receipt: z.string().nullable().describe('The M-Pesa receipt number once paid.'),
        phone: z.string().nullable().describe('The paying phone, all but its last 3 digits hidden ("*********149"); null for a provider.'),
      })
      .nullable()
      .describe('M-Pesa payments only.'),
    receipt_url: z.string().nullable().describe('For the client and admins only.'),
    failure: z.object({ code: z.string().nullable(), message: z.string().nullable() }).nullable().describe('The last decline, for the client and admins only.'),
    created_at: instant,
    succeeded_at: instant.nullable(),
    refund_owed: z
      .object({
        since: instant.describe('When the refund first failed.'),
        attempts: z.int().describe('Attempts so far, the immediate one included.'),
        last_error: z.string().nullable().describe("The provider's error of the last attempt, cut short."),
        last_attempt_at: instant.nullable(),
      })
      .nullable()
      .describe('Admins only: a refund a cancellation owes that the provider has not yet taken; the worker retries it with backoff until it is made. null otherwise.'),
  }),
);

export const paymentPage = z.object({ payments: z.array(payment), ...pageFields });

/** A refund as listed with its payment (GET /api/v1/payments/{id}). */
export const paymentRefund = describes<PaymentRefundDto>()(
  z.object({
    id: z.string().describe('The Stripe refund id ("re_…").'),
    amount: money,
    status: z.string().describe('Stripe\'s: pending, requires_action, succeeded, failed or canceled.'),
    reason: z.string(),
    created_at: instant,
  }),
);

export const ledgerEntry = describes<LedgerEntryDto>()(
  z.object({
    id: z.int(),
    type: z.enum(ledgerType.enumValues),
    stripe_object_id: z.string(),
    gross: z.int(),
    fee: z.int().describe('The platform fee part.'),
    net: z.int().describe('The provider\'s part.'),
    currency: z.string(),
    created_at: instant,
  }),
);

export const paymentDetail = z.object({ payment, refunds: z.array(paymentRefund), ledger: z.array(ledgerEntry) });

/** A refund just made (POST /api/v1/payments/{id}/refund, a cancellation). */
export const refund = describes<RefundDto>()(
  z.object({
    id: z.string().describe('The Stripe refund id ("re_…").'),
    payment_id: z.string(),
    amount: money,
    status: z.string().describe('Stripe\'s: pending, requires_action, succeeded, failed or canceled.'),
    reason: z.string(),
  }),
);

export const startedPayment = describes<StartedPayment>()(
  z
    .object({
      client_secret: z.string().describe('For Stripe.js: confirm the payment in the Payment Element with it.'),
      payment_intent_id: z.string(),
      amount: money.describe('The server\'s amount; never the browser\'s.'),
      status: z.string().describe('The PaymentIntent\'s Stripe status.'),
    })
    .describe('A card payment to confirm in the browser with Stripe.js.'),
);

export const hostedCheckout = describes<HostedCheckout>()(
  z.object({
    checkout_url: z.string().describe('Send the client here: Stripe\'s hosted payment page.'),
    checkout_session_id: z.string(),
    amount: money,
  }),
);

export const checkout = describes<CheckoutStart>()(
  z
    .discriminatedUnion('mode', [z.object({ mode: z.literal('payment_element'), ...startedPayment.shape }), z.object({ mode: z.literal('hosted'), ...hostedCheckout.shape })])
    .describe('How to pay, by the checkout_mode setting: the Payment Element (a client secret) or Stripe\'s hosted Checkout (a URL).'),
);

export const mpesaPayment = describes<MpesaPaymentDto>()(
  z
    .object({
      id: z.string().describe('The payment\'s id ("mp_…"), the same for every prompt (resend) of this payable.'),
      provider: z.literal('mpesa'),
      checkout_request_id: z.string().describe('Daraja\'s CheckoutRequestID of the prompt just sent to the phone.'),
      status: z.enum(paymentState.enumValues).describe('"pending" until the phone answers; poll GET /api/v1/payments/{id}/status.'),
      amount: money.describe('The server\'s amount, in KES; never the browser\'s.'),
      phone: z.string().describe('The phone asked, all but its last 3 digits hidden.'),
      customer_message: z.string().describe('Daraja\'s message for the client.'),
    })
    .describe('An M-Pesa STK Push sent to the client\'s phone: they approve it there with their PIN.'),
);

export const paymentStatusBody = describes<PaymentStatusDto>()(
  z.object({
    id: z.string(),
    provider: z.enum(['card', 'mpesa']),
    status: z.enum(paymentState.enumValues),
    checkout_request_id: z.string().nullable().describe('M-Pesa: the latest prompt\'s CheckoutRequestID.'),
    result: z
      .object({ code: z.int().describe('Daraja\'s ResultCode: 1 balance too low, 1032 cancelled, 1037 unreachable, 2001 wrong PIN, 1019 expired.'), message: z.string().describe('What it means, in plain words.') })
      .nullable()
      .describe('Why the latest M-Pesa prompt failed; null otherwise.'),
    payable: z.object({ type: z.string(), id }),
    updated_at: instant,
  }),
);

export const paymentSchemas = {
  MpesaPayment: mpesaPayment,
  PaymentStatus: paymentStatusBody,
  Payment: payment,
  PaymentPage: paymentPage,
  PaymentDetail: paymentDetail,
  PaymentRefund: paymentRefund,
  LedgerEntry: ledgerEntry,
  Refund: refund,
  StartedPayment: startedPayment,
  Checkout: checkout,
};
