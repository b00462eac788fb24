import { z } from 'zod';
import { bookingStatus } from '@/db/schema';
import { instantField, uuidField } from '@/lib/http/fields';

/** POST /api/v1/bookings: a class seat ({class_id}) or a 1:1 slot ({session_type_id, provider_id, starts_at}). */
export const createBookingBody = z
  .strictObject({
    class_id: uuidField('class_id').optional(),
    session_type_id: uuidField('session_type_id').optional(),
    provider_id: uuidField('provider_id').optional(),
    // The slot's start, as returned by GET /api/v1/providers/:id/slots.
    starts_at: instantField('starts_at').optional(),
    // "credit" uses a class credit (PRODUCT.md); "card" (the default) starts a card payment.
    pay_with: z.enum(['card', 'credit'], { error: 'pay_with must be "card" or "credit".' }).optional(),
  })
  .superRefine((b, ctx) => {
    const session = b.session_type_id !== undefined || b.provider_id !== undefined || b.starts_at !== undefined;
    if (b.class_id !== undefined && session) {
      ctx.addIssue({ code: 'custom', path: ['class_id'], message: 'Book either a class (class_id) or a 1:1 slot, not both.' });
    } else if (b.class_id === undefined) {
      for (const key of ['session_type_id', 'provider_id', 'starts_at'] as const) {
        if (b[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: session ? 'Required for a 1:1 booking.' : 'Give class_id, or session_type_id, provider_id and starts_at.' });
      }
    }
  });
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const cancelBody = z.strictObject({
  reason: z.string({ error: 'Give a reason.' }).trim().min(1, 'Give a reason.').max(500, 'The reason must be at most 500 characters.'),
});

export const rescheduleBody = z
  .strictObject({
    class_id: uuidField('class_id').optional(),
    starts_at: instantField('starts_at').optional(),
  })
  .refine((b) => (b.class_id === undefined) !== (b.starts_at === undefined), { message: 'Give class_id (a class booking) or starts_at (a 1:1 booking).', path: ['class_id'] });


export const listBookingsQuery = z.strictObject({
  status: z.enum(bookingStatus.enumValues).optional(),
  kind: z.enum(['class', 'session']).optional(),
  provider_id: uuidField('provider_id').optional(),
  client_id: uuidField('client_id').optional(),
  from: instantField('from').optional(),
  to: instantField('to').optional(),
  search: z.string().trim().max(100).optional(),
  order: z.enum(['upcoming', 'latest']).optional(),
  page: z.coerce.number({ error: 'page must be a number.' }).int().min(1).max(100_000).default(1),
  page_size: z.coerce.number({ error: 'page_size must be a number.' }).int().min(1).max(100).default(20),
});
