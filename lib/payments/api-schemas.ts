import { z } from 'zod';

export const refundBody = z.strictObject({
  // Minor units; without it, whatever remains of the payment.
  amount: z.number().int('The amount is in minor units (pence, cents).').positive('The amount must be positive.').optional(),
  reason: z.string({ error: 'Give a reason.' }).trim().min(1, 'Give a reason.').max(500, 'The reason must be at most 500 characters.'),
});
export type RefundBody = z.infer<typeof refundBody>;
