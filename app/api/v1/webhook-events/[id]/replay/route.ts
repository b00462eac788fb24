import { payments } from '@/lib/flows';
import { apiRoute } from '@/lib/http';

// POST /api/v1/webhook-events/:id/replay -> {outcome, error, webhook_event}: the handler runs again, exactly once (admin; audited).
export const POST = apiRoute({ access: ['admin'] }, async ({ params, user }) => payments.replayWebhookEvent(String(params.id), user));
