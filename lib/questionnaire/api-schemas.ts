import { z } from 'zod';
import { LISTABLE_STATES } from './list';

/** GET /api/v1/questionnaires */
export const listQuestionnairesQuery = z.strictObject({
  // Which current questionnaires: awaiting clearance (the default), valid, expired or all.
  state: z.enum(LISTABLE_STATES).default('needs_clearance'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
});
