import { z } from 'zod';
import {
  apiKeyCallsQuery,
  bookingIdQuery,
  clientIdQuery,
  confirmPaymentBody,
  createApiKeyBody,
  createCreditBody,
  refundCreditBody,
  useCreditBody,
} from '@/lib/integration';
import { apiModule } from '../registry';
import { clientCredits } from '../responses/credits';
import {
  apiKey,
  apiKeyCallsPage,
  bookingPaymentStatus,
  confirmPaymentResult,
  createCreditResult,
  integrationSchemas,
  refundCreditResult,
  useCreditResult,
} from '../responses/integration';

const seed000 = 'With the meaning of the payment-system integration guide (seed 000); amounts are integer minor units.';

export const integrationApi = apiModule({
  tags: [
    { name: 'Integration', description: `Endpoints for a payment system, called with an admin-created API key (\`Authorization: Bearer wbk_…\`). ${seed000} Every call made with a key is audited.` },
    { name: 'API keys', description: 'Admins create, list and revoke integration keys, and read each key\'s calls.' },
  ],
  schemas: integrationSchemas,
  operations: [
    {
      method: 'get',
      path: '/api/v1/api-keys',
      operationId: 'listApiKeys',
      summary: 'List API keys',
      tags: ['API keys'],
      access: ['admin'],
      response: { status: 200, description: 'Every key, never the key itself.', schema: z.object({ api_keys: z.array(apiKey) }) },
    },
    {
      method: 'post',
      path: '/api/v1/api-keys',
      operationId: 'createApiKey',
      summary: 'Create an API key',
      description: 'The full key is in this answer only; store it safely.',
      tags: ['API keys'],
      access: ['admin'],
      body: createApiKeyBody,
      response: { status: 201, description: 'The key, once, and its record.', schema: z.object({ key: z.string().describe('wbk_…'), api_key: apiKey }) },
    },
    {
      method: 'post',
      path: '/api/v1/api-keys/{id}/revoke',
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key',
      description: 'It stops working at once (401); revoking again changes nothing.',
      tags: ['API keys'],
      access: ['admin'],
      params: { id: 'The key\'s id.' },
      response: { status: 200, description: 'The revoked key.', schema: z.object({ api_key: apiKey }) },
    },
    {
      method: 'get',
      path: '/api/v1/api-keys/{id}/calls',
      operationId: 'listApiKeyCalls',
      summary: 'A key\'s audit log',
      tags: ['API keys'],
      access: ['admin'],
      params: { id: 'The key\'s id.' },
      query: apiKeyCallsQuery,
      response: { status: 200, description: 'Its calls, newest first.', schema: apiKeyCallsPage },
    },
    {
      method: 'get',
      path: '/api/v1/credits/by-client',
      operationId: 'creditsByClient',
      summary: 'A client\'s credits (seed 000)',
      access: ['admin', 'integration'],
      query: clientIdQuery,
      response: { status: 200, description: 'The credits and the total of uses left.', schema: clientCredits },
    },
    {
      method: 'post',
      path: '/api/v1/payment/confirm-payment',
      operationId: 'confirmPayment',
      summary: 'Confirm a booking\'s card payment (seed 000)',
      description:
        'The PaymentIntent is read from Stripe: it must have succeeded, belong to this booking and match `amount` if given. It is then applied as its webhook would be, so repeats have their effect once.',
      access: ['admin', 'integration'],
      body: confirmPaymentBody,
      response: { status: 200, description: 'The booking\'s state after.', schema: confirmPaymentResult },
      errors: ['unprocessable', 'conflict', 'not_found'],
    },
    {
      method: 'post',
      path: '/api/v1/payment/create-credit',
      operationId: 'createCredit',
      summary: 'Create the credit of a package purchase (seed 000)',
      description:
        'Idempotent on `payment_id`: a repeat answers 200 with the same credit. The PaymentIntent must have succeeded for exactly the package\'s price; ' +
        'the purchase is recorded like one made here, so refunding it revokes its unused uses.',
      access: ['admin', 'integration'],
      body: createCreditBody,
      response: { status: 201, description: 'The credit (200 when it already existed).', schema: createCreditResult },
      errors: ['unprocessable', 'conflict', 'not_found'],
    },
    {
      method: 'post',
      path: '/api/v1/credits/use',
      operationId: 'useCredit',
      summary: 'Pay a booking awaiting payment with a credit (seed 000)',
      description:
        'One use of `credit_id`, or of the valid credit that covers the booking and expires first; the booking is confirmed at once and its card payment, if started, cancelled. ' +
        'Asking again takes nothing more. The booking\'s own client may call it too.',
      access: ['admin', 'client', 'integration'],
      body: useCreditBody,
      response: { status: 200, description: 'The booking and the credit after.', schema: useCreditResult },
      errors: ['credit_unavailable', 'invalid_transition', 'conflict', 'not_found'],
    },
    {
      method: 'post',
      path: '/api/v1/credits/refund',
      operationId: 'refundCredit',
      summary: 'Give a cancelled booking\'s use back (seed 000)',
      description: 'Even after a late cancellation (an override). Once per booking: a repeat answers `returned: false`.',
      access: ['admin', 'integration'],
      body: refundCreditBody,
      response: { status: 200, description: 'The credit after.', schema: refundCreditResult },
      errors: ['unprocessable', 'invalid_transition', 'conflict', 'not_found'],
    },
    {
      method: 'get',
      path: '/api/v1/payment/booking-status',
      operationId: 'bookingPaymentStatus',
      summary: 'A booking\'s payment status (seed 000)',
      access: ['admin', 'integration'],
      query: bookingIdQuery,
      response: { status: 200, description: 'Its status and payment.', schema: bookingPaymentStatus },
      errors: ['not_found'],
    },
  ],
});
