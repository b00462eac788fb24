import { z } from 'zod';
import { uuidField } from '@/lib/fields';

const reasonField = z
  .string({ error: 'Give a reason.' })
  .trim()
  .min(1, 'Give a reason.')
  .max(500, 'The reason must be at most 500 characters.');

/** GET /api/v1/credits: a client's own; an admin names the client. */
export const listCreditsQuery = z.strictObject({
  client_id: uuidField('client_id').optional(),
});

/** POST /api/v1/credits/:id/adjust: uses to add (positive) or take (negative), and why; the reason goes into the ledger. */
export const adjustCreditBody = z.strictObject({
  delta: z
    .number({ error: 'delta must be a whole number of uses.' })
    .int('delta must be a whole number of uses.')
    .min(-1000, 'delta must be at least -1000.')
    .max(1000, 'delta must be at most 1000.')
    .refine((d) => d !== 0, 'delta must not be 0.'),
  reason: reasonField,
});
export type AdjustCreditBody = z.infer<typeof adjustCreditBody>;

/** POST /api/v1/clients/:id/credits: a complimentary credit, named and scoped like `package_id` if given. */
export const grantCreditBody = z.strictObject({
  uses: z.number({ error: 'uses must be a whole number.' }).int('uses must be a whole number.').min(1, 'uses must be at least 1.').max(1000, 'uses must be at most 1000.'),
  validity_days: z
    .number({ error: 'validity_days must be a whole number.' })
    .int('validity_days must be a whole number.')
    .min(1, 'validity_days must be at least 1.')
    .max(3650, 'validity_days must be at most 3650.'),
  reason: reasonField,
  package_id: uuidField('package_id').optional(),
});
export type GrantCreditBody = z.infer<typeof grantCreditBody>;

/** GET /api/v1/credits/clients: clients holding credits, for admins. */
export const listCreditClientsQuery = z.strictObject({
  // A client's name or e-mail, or part of it.
  search: z.string().trim().max(100, 'search must be at most 100 characters.').optional(),
  page: z.coerce.number({ error: 'page must be a number.' }).int().min(1).max(100_000).default(1),
  page_size: z.coerce.number({ error: 'page_size must be a number.' }).int().min(1).max(100).default(20),
});
