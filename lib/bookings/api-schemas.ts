import { z } from 'zod';
import { bookingStatus } from '@/db/schema';
import { instantField, uuidField } from '@/lib/fields';

// "credit" uses a class credit (PRODUCT.md); "card" (the default) starts a card payment; "mpesa" an M-Pesa STK Push to `phone`.
const payWithField = z.enum(['card', 'credit', 'mpesa'], { error: 'pay_with must be "card", "credit" or "mpesa".' }).optional();
// Checked (and normalised) by payments when pay_with is "mpesa": 07…, 01…, +2547…, 2541….
const phoneField = z.string({ error: 'phone must be a string.' }).max(32, 'phone must be at most 32 characters.').optional();

/** A seat in a group class. */
const classSeatBody = z.strictObject({
  class_id: uuidField('class_id'),
  pay_with: payWithField,
  phone: phoneField,
});

/** A 1:1 slot of a practitioner's session type. */
const sessionSlotBody = z.strictObject({
  session_type_id: uuidField('session_type_id'),
  provider_id: uuidField('provider_id'),
  // The slot's start, as returned by GET /api/v1/providers/:id/slots.
  starts_at: instantField('starts_at'),
  pay_with: payWithField,
  phone: phoneField,
});

const SLOT_FIELDS = ['session_type_id', 'provider_id', 'starts_at'] as const;

/**
 * When neither shape fits, the fields sent say which was meant; the message
 * names that shape's problems rather than zod's "Invalid input".
 */
function bookingTargetError(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const sent = issue.input !== null && typeof issue.input === 'object' ? Object.keys(issue.input) : [];
  const forClass = sent.includes('class_id');
  const forSlot = SLOT_FIELDS.some((key) => sent.includes(key));
  if (forClass && forSlot) return 'Book either a class (class_id) or a 1:1 slot, not both.';
  if (!forClass && !forSlot) return 'Give class_id, or session_type_id, provider_id and starts_at.';
  const problems = issue.errors[forClass ? 0 : 1] ?? [];
  return problems.map((p) => p.message).join(' ') || undefined;
}

/** POST /api/v1/bookings: a class seat ({class_id}) or a 1:1 slot ({session_type_id, provider_id, starts_at}), never both. */
export const createBookingBody = z.union([classSeatBody, sessionSlotBody], { error: bookingTargetError });
export type CreateBookingBody = z.infer<typeof createBookingBody>;

const reasonText = z.string({ error: 'Give a reason.' }).trim().max(500, 'The reason must be at most 500 characters.');

/** Cancelling a class (its provider or an admin): the reason is required. */
export const cancelBody = z.strictObject({ reason: reasonText.min(1, 'Give a reason.') });

/**
 * Cancelling a booking: the client may leave the reason out (PRODUCT.md); a
 * provider or admin cancelling someone else's booking must give one, which
 * lib/bookings checks once it knows who the booking belongs to.
 */
export const cancelBookingBody = z.strictObject({ reason: reasonText.optional().default('') });

export const rescheduleBody = z
  .strictObject({
    class_id: uuidField('class_id').optional(),
    starts_at: instantField('starts_at').optional(),
  })
  .refine((b) => (b.class_id === undefined) !== (b.starts_at === undefined), { message: 'Give class_id (a class booking) or starts_at (a 1:1 booking).', path: ['class_id'] });
export type RescheduleBody = z.output<typeof rescheduleBody>;

/** Where a parsed reschedule body moves the booking: the refinement lets exactly one of the two through. */
export function rescheduleTarget(body: RescheduleBody): { classId: string } | { startsAt: Date } {
  if (body.class_id !== undefined) return { classId: body.class_id };
  if (body.starts_at !== undefined) return { startsAt: body.starts_at };
  throw new Error('rescheduleBody let through neither class_id nor starts_at');
}


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
