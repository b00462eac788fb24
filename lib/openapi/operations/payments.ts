import { z } from 'zod';
import { listPaymentsQuery, refundBody } from '@/lib/payments';
import { apiModule } from '../registry';
import { checkout, paymentDetail, paymentPage, paymentSchemas, refund } from '../responses/payments';

const paymentId = 'The payment id: its Stripe PaymentIntent id ("pi_…"), or its Checkout Session id ("cs_…") until a hosted checkout is paid.';

export const paymentsApi = apiModule({
  tags: [{ name: 'Payments', description: 'Card payments through Stripe, and their refunds. Amounts are integer minor units.' }],
  schemas: paymentSchemas,
  operations: [
    {
      method: 'post',
      path: '/api/v1/bookings/{id}/payment',
      operationId: 'startBookingPayment',
      summary: 'Pay for a booking',
      description:
        'The booking\'s one payment, created on first ask and the same after (never a second charge); the amount is the server\'s. ' +
        'With the checkout_mode setting "hosted", a Stripe Checkout page to send the client to instead of a client secret.',
      access: ['client'],
      params: { id: 'The booking id.' },
      response: { status: 200, description: 'How to pay.', schema: checkout },
      errors: ['invalid_transition', 'service_unavailable'],
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
      method: 'post',
      path: '/api/v1/payments/{id}/refund',
      operationId: 'refundPayment',
      summary: 'Refund a payment, fully or in part',
      description:
        'Admins refund any payment, providers their own (others are a 404). Several partial refunds may follow one another up to the amount paid; ' +
        'the platform fee and the provider\'s share shrink in proportion.',
      access: ['admin', 'provider'],
      params: { id: { description: paymentId, schema: z.string() } },
      body: refundBody,
      fields: { amount: 'Minor units; without it, whatever remains of the payment.' },
      response: { status: 201, description: 'The refund, as Stripe took it.', schema: z.object({ refund }) },
      errors: ['invalid_transition', 'bad_request', 'unprocessable', 'service_unavailable'],
    },
  ],
});
