import { z } from 'zod';
import { uuidField } from '@/lib/fields';

/** Request bodies and queries of the API-key admin routes and seed 000's integration endpoints. */

export const createApiKeyBody = z.strictObject({
  // What the key is for ("Payment system"), shown in lists.
  name: z.string({ error: 'Give the key a name.' }).trim().min(1, 'Give the key a name.').max(80, 'The name must be at most 80 characters.'),
});

export const apiKeyCallsQuery = z.strictObject({
  page: z.coerce.number({ error: 'page must be a number.' }).int().min(1).max(100_000).default(1),
  page_size: z.coerce.number({ error: 'page_size must be a number.' }).int().min(1).max(100).default(20),
});

/** A Stripe PaymentIntent id ("pi_..."). */
const paymentIdField = z
  .string({ error: 'payment_id must be a PaymentIntent id.' })
  .regex(/^pi_[A-Za-z0-9_]{1,250}$/, 'payment_id must be a PaymentIntent id, like pi_3AbCdEf.');

/** Minor units (pence, cents): seed 000's decimal amounts become integers here. */
const minorUnits = (label: string) =>
  z
    .number({ error: `${label} must be a number of minor units (pence, cents).` })
    .int(`${label} is a whole number of minor units (pence, cents), not a decimal.`)
    .positive(`${label} must be positive.`)
    .max(100_000_000, `${label} is too large.`);

export const clientIdQuery = z.strictObject({ client_id: uuidField('client_id') });
export const bookingIdQuery = z.strictObject({ booking_id: uuidField('booking_id') });

export const confirmPaymentBody = z.strictObject({
  booking_id: uuidField('booking_id'),
  payment_id: paymentIdField,
  // When given, it must be what the PaymentIntent received and what the booking owes.
  amount: minorUnits('amount').optional(),
  // seed 000 sends "single_class"; both name a one-off payment.
  payment_type: z.enum(['single', 'single_class'], { error: "payment_type must be 'single' or 'single_class'." }).optional(),
});
export type ConfirmPaymentBody = z.infer<typeof confirmPaymentBody>;

export const createCreditBody = z.strictObject({
  client_id: uuidField('client_id'),
  package_id: uuidField('package_id'),
  payment_id: paymentIdField,
  // Must equal what the PaymentIntent received and the package's price.
  amount_paid: minorUnits('amount_paid'),
});
export type CreateCreditBody = z.infer<typeof createCreditBody>;

export const useCreditBody = z.strictObject({
  booking_id: uuidField('booking_id'),
  // Without it, the valid credit that covers the booking and expires first.
  credit_id: uuidField('credit_id').optional(),
});
export type UseCreditBody = z.infer<typeof useCreditBody>;

export const refundCreditBody = z.strictObject({
  booking_id: uuidField('booking_id'),
  // When given, it must be the credit the booking's use came from.
  credit_id: uuidField('credit_id').optional(),
});
export type RefundCreditBody = z.infer<typeof refundCreditBody>;
