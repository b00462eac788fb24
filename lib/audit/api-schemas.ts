import { z } from 'zod';
import { instantField, uuidField } from '@/lib/fields';

/** GET /api/v1/audit */
export const listAuditQuery = z.strictObject({
  actor: uuidField('actor').optional(),
  // Exact ("user.role_changed") or a prefix ending in a dot ("user.").
  action: z.string().trim().max(100).optional(),
  from: instantField('from').optional(),
  to: instantField('to').optional(),
  page: z.coerce.number({ error: 'page must be a number.' }).int().min(1).max(100_000).default(1),
  page_size: z.coerce.number({ error: 'page_size must be a number.' }).int().min(1).max(100).default(25),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
