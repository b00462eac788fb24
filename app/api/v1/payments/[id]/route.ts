import { apiRoute } from '@/lib/http';
import { getPaymentFor } from '@/lib/payments';

// GET /api/v1/payments/:id -> {payment, refunds, ledger}; 404 for anyone it does not concern.
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => getPaymentFor(String(params.id), user));
