import { z } from 'zod';
import { bookingStatus, paymentStatus, paymentType } from '@/db/schema';
import type { ApiKeyCallDto, ApiKeyDto } from '@/lib/auth';
import type { BookingPaymentStatus, ConfirmPaymentResult, CreateCreditResult, RefundCreditResult, UseCreditResult } from '@/lib/integration';
import { describes } from '../registry';
import { id, instant, money, pageFields } from './common';
import { credit } from './credits';

export const apiKey = describes<ApiKeyDto>()(
  z
    .object({
      id,
      name: z.string(),
      prefix: z.string().describe('The key\'s first characters, to tell keys apart; never the key.'),
      status: z.enum(['active', 'revoked']),
      created_at: instant,
      created_by: z.object({ id, name: z.string() }).nullable(),
      last_used_at: instant.nullable().describe('Updated at most once a minute.'),
      revoked_at: instant.nullable(),
    })
    .describe('An integration\'s API key; only its SHA-256 is stored.'),
);

export const apiKeyCall = describes<ApiKeyCallDto>()(
  z.object({ id: z.int(), method: z.string(), path: z.string().describe('The path only: never the query or the body.'), status: z.int(), ip: z.string().nullable(), created_at: instant }),
);

export const apiKeyCallsPage = z.object({ calls: z.array(apiKeyCall), ...pageFields });

export const confirmPaymentResult = describes<ConfirmPaymentResult>()(
  z.object({ success: z.literal(true), booking_id: id, status: z.enum(bookingStatus.enumValues), payment_status: z.enum(paymentStatus.enumValues) }),
);

export const createCreditResult = describes<CreateCreditResult>()(
  z.object({ success: z.literal(true), credit, transaction_id: z.int().describe('The credit\'s "grant" entry in the credit ledger.') }),
);

export const useCreditResult = describes<UseCreditResult>()(
  z.object({ success: z.literal(true), booking_id: id, booking_status: z.enum(bookingStatus.enumValues), credit_id: id, remaining_classes: z.int() }),
);

export const refundCreditResult = describes<RefundCreditResult>()(
  z.object({
    success: z.literal(true),
    booking_id: id,
    credit_id: id,
    remaining_classes: z.int(),
    returned: z.boolean().describe('false when the use had already been given back (or the credit\'s purchase was refunded).'),
  }),
);

export const bookingPaymentStatus = describes<BookingPaymentStatus>()(
  z.object({
    booking_id: id,
    status: z.enum(bookingStatus.enumValues),
    payment_status: z.enum(paymentStatus.enumValues),
    payment_type: z.enum(paymentType.enumValues).nullable(),
    payment_id: z.string().nullable().describe('The card payment\'s PaymentIntent.'),
    payment_amount: money.describe('What the card payment took, or what the booking owes now; 0 for a credit booking.'),
    refunded_amount: money.nullable(),
    credit_id: id.nullable().describe('The credit that paid, for a credit booking.'),
  }),
);

export const integrationSchemas = { ApiKey: apiKey, ApiKeyCall: apiKeyCall };
