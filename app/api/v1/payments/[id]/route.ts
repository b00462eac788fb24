import { apiRoute } from '@/lib/http/api';
import { getPaymentFor } from '@/lib/payments/queries';

// GET /api/v1/payments/:id -> {payment, refunds, ledger}; 404 for anyone it does not concern.
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => getPaymentFor(String(params.id), user));
