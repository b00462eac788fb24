import { z } from 'zod';
import { paymentState } from '@/db/schema';
import { instantField, uuidField } from '@/lib/fields';

export const refundBody = z.strictObject({
  // Minor units; without it, whatever remains of the payment.
  amount: z.number().int('The amount is in minor units (pence, cents).').positive('The amount must be positive.').optional(),
  reason: z.string({ error: 'Give a reason.' }).trim().min(1, 'Give a reason.').max(500, 'The reason must be at most 500 characters.'),
});
export type RefundBody = z.infer<typeof refundBody>;

/** POST /api/v1/bookings/:id/payment and /packages/:id/purchase: how to pay; no body is the card. */
export const payBody = z.strictObject({
  pay_with: z.enum(['card', 'mpesa'], { error: 'pay_with must be "card" or "mpesa".' }).optional(),
  // "mpesa": 07…, 01…, +2547…, 2541… (normalised by payments).
  phone: z.string({ error: 'phone must be a string.' }).max(32, 'phone must be at most 32 characters.').optional(),
});
export type PayBody = z.infer<typeof payBody>;

/** GET /api/v1/payments */
export const listPaymentsQuery = z.strictObject({
  status: z.enum(paymentState.enumValues).optional(),
  provider_id: uuidField('provider_id').optional(),
  // On the payment's creation time, from inclusive, to exclusive.
  from: instantField('from').optional(),
  to: instantField('to').optional(),
  // A PaymentIntent id or its start ("pi_…"); for staff also the client's name or e-mail.
  search: z.string().trim().max(100).optional(),
  page: z.coerce.number({ error: 'page must be a number.' }).int().min(1).max(100_000).default(1),
  page_size: z.coerce.number({ error: 'page_size must be a number.' }).int().min(1).max(100).default(20),
});
export type ListPaymentsQuery = z.infer<typeof listPaymentsQuery>;
