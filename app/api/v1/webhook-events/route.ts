import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { listWebhookEvents, listWebhookEventsQuery } from '@/lib/payments';

// GET /api/v1/webhook-events?type&outcome&from&to&page&page_size -> {webhook_events, total, page, page_size}: every verified event received, newest first (admin).
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => listWebhookEvents(parseQuery(request, listWebhookEventsQuery)));
