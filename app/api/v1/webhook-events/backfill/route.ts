import { payments } from '@/lib/flows';
import { apiRoute } from '@/lib/http';
import { backfillBody } from '@/lib/payments';

// POST /api/v1/webhook-events/backfill {since} -> {since, listed, already_received, handled, duplicate, ignored, failed} (admin; audited).
export const POST = apiRoute({ access: ['admin'], body: backfillBody }, async ({ body, user }) => payments.backfillStripeEvents(body.since, user));
