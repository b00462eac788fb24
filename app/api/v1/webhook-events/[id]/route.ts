import { apiRoute } from '@/lib/http';
import { getWebhookEvent } from '@/lib/payments';

// GET /api/v1/webhook-events/:id -> {webhook_event}: one event with Stripe's payload (admin).
export const GET = apiRoute({ access: ['admin'] }, async ({ params }) => ({ webhook_event: await getWebhookEvent(String(params.id)) }));
