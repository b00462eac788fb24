import { apiRoute } from '@/lib/http';
import { paymentStatusFor } from '@/lib/payments';

// GET /api/v1/payments/:id/status -> {id, provider, status, checkout_request_id, result, payable, updated_at}: for polling
// while the client approves an M-Pesa prompt; 404 for anyone the payment does not concern.
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => paymentStatusFor(user, String(params.id)));
