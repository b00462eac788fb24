import { z } from 'zod';
import { paymentState } from '@/db/schema';
import { apiRoute } from '@/lib/http/api';
import { instantField, parseQuery, uuidField } from '@/lib/http/fields';
import { listPayments } from '@/lib/payments/queries';

const listPaymentsQuery = z.strictObject({
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

// GET /api/v1/payments -> {payments, total, page, page_size}: a client's own, a provider's received, or (admin) all; newest first.
export const GET = apiRoute({ access: 'user' }, async ({ request, user }) => {
  const q = parseQuery(request, listPaymentsQuery);
  return listPayments(user, {
    status: q.status,
    providerId: q.provider_id,
    from: q.from,
    to: q.to,
    search: q.search,
    page: q.page,
    pageSize: q.page_size,
  });
});
