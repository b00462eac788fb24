import { z } from 'zod';
import { listPaymentsQuery, payBody, refundBody } from '@/lib/payments';
import { apiModule } from '../registry';
import { checkout, mpesaPayment, paymentDetail, paymentPage, paymentSchemas, paymentStatusBody, refund } from '../responses/payments';

const paymentId = 'The payment id: its Stripe PaymentIntent id ("pi_…"), its Checkout Session id ("cs_…") until a hosted checkout is paid, or our own id ("mp_…") for M-Pesa.';
const phoneField = 'For M-Pesa: a Kenyan mobile number, 07…, 01…, +2547… or 2541…; normalised to 2547…/2541…. Anything else is a 400 naming `phone`, before Daraja is asked.';

export const paymentsApi = apiModule({
  tags: [{ name: 'Payments', description: 'Card payments through Stripe, M-Pesa STK Push for KES prices, and their refunds. Amounts are integer minor units.' }],
  schemas: paymentSchemas,
  operations: [
    {
      method: 'post',
      path: '/api/v1/bookings/{id}/payment',
      operationId: 'startBookingPayment',
      summary: 'Pay for a booking',
      description:
        'The booking\'s one payment, created on first ask and the same after (never a second charge); the amount is the server\'s. ' +
        'With the checkout_mode setting "hosted", a Stripe Checkout page to send the client to instead of a client secret. ' +
        'With `{pay_with: "mpesa", phone}` (a KES price: whole shillings, KES 1 to 250,000), an M-Pesa STK Push to the phone; asking again after a failed prompt ' +
        'sends a new one (the resend), while a prompt still waits it is a 409. A card asked for a KES price is a 422.',
      access: ['client'],
      params: { id: 'The booking id.' },
      body: payBody,
      fields: { pay_with: '`card` (the default; no body at all is the card too) or `mpesa`.', phone: phoneField },
      response: {
        status: 200,
        description: 'How to pay.',
        schema: z.union([checkout, z.object({ mode: z.literal('mpesa'), payment: mpesaPayment })]),
      },
      errors: ['invalid_transition', 'conflict', 'unprocessable', 'service_unavailable'],
    },
    {
      method: 'get',
      path: '/api/v1/payments',
      operationId: 'listPayments',
      summary: 'List payments',
      description: 'A client\'s own, a provider\'s received, or (admin) all; newest first. Providers do not see the client\'s e-mail, card, receipt or decline.',
      access: 'user',
      query: listPaymentsQuery,
      fields: {
        from: 'Created at or after this instant (ISO 8601 with an offset).',
        to: 'Created before this instant.',
        search: 'A PaymentIntent id or its start ("pi_…"); for providers and admins also part of the client\'s name or e-mail.',
      },
      response: { status: 200, description: 'One page of payments.', schema: paymentPage },
    },
    {
      method: 'get',
      path: '/api/v1/payments/{id}',
      operationId: 'getPayment',
      summary: 'One payment, with its refunds and ledger',
      description: 'For the client who paid, the provider it pays and admins; a 404 for anyone else.',
      access: 'user',
      params: { id: { description: paymentId, schema: z.string() } },
      response: { status: 200, description: 'The payment.', schema: paymentDetail },
    },
    {
      method: 'get',
      path: '/api/v1/payments/{id}/status',
      operationId: 'getPaymentStatus',
      summary: 'Follow a payment while it is paid',
      description:
        'For polling (every couple of seconds) while the client approves an M-Pesa prompt on their phone: the status and, when the latest prompt failed, ' +
        'its result code and what it means in plain words. For the client who pays, the provider it pays and admins; a 404 for anyone else.',
      access: 'user',
      params: { id: { description: paymentId, schema: z.string() } },
      response: { status: 200, description: 'The payment\'s status.', schema: paymentStatusBody },
    },
    {
      method: 'post',
      path: '/api/v1/payments/{id}/refund',
      operationId: 'refundPayment',
      summary: 'Refund a payment, fully or in part',
      description:
        'Admins refund any payment, providers their own (others are a 404). Several partial refunds may follow one another up to the amount paid; ' +
        'the platform fee and the provider\'s share shrink in proportion. An M-Pesa payment is refunded by Transaction Reversal, in full only (an `amount` ' +
        'other than the whole is a 422); its refund is `pending` until Daraja\'s Result arrives.',
      access: ['admin', 'provider'],
      params: { id: { description: paymentId, schema: z.string() } },
      body: refundBody,
      fields: { amount: 'Minor units; without it, whatever remains of the payment.' },
      response: { status: 201, description: 'The refund, as Stripe took it.', schema: z.object({ refund }) },
      errors: ['invalid_transition', 'conflict', 'unprocessable', 'service_unavailable'],
    },
  ],
});
