import { z } from 'zod';
import { EARNING_STATES } from './types';

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(25);
const instant = z.coerce.date({ message: 'Give a date or date-time, e.g. 2026-01-31.' });
const uuid = z.string().uuid('Give a user id.');

/** GET /api/v1/earnings?provider_id (admins) */
export const earningsQuery = z.strictObject({ provider_id: uuid.optional() });

/** GET /api/v1/earnings/lines */
export const earningLinesQuery = z.strictObject({
  provider_id: uuid.optional(),
  state: z.enum(EARNING_STATES as [string, ...string[]]).optional(),
  from: instant.optional(),
  to: instant.optional(),
  page,
  page_size: pageSize,
});
export type EarningLinesQuery = z.infer<typeof earningLinesQuery>;

/** GET /api/v1/payouts */
export const payoutsQuery = z.strictObject({ provider_id: uuid.optional(), page, page_size: pageSize });
export type PayoutsQuery = z.infer<typeof payoutsQuery>;

/** POST /api/v1/payouts (admin): one provider's or everyone's available earnings, paid by Stripe or recorded as paid by hand. */
export const createPayoutsBody = z
  .strictObject({
    provider_id: uuid.optional(),
    method: z.enum(['stripe', 'manual'], { message: 'Method is "stripe" or "manual".' }),
    reference: z.string().trim().max(200, 'At most 200 characters.').optional(),
  })
  .refine((b) => b.method !== 'manual' || (b.reference?.length ?? 0) > 0, { message: 'A manual payout needs the bank transfer reference.', path: ['reference'] });
export type CreatePayoutsBody = z.infer<typeof createPayoutsBody>;
