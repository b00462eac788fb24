import { connectStatus } from '@/lib/flows';
import { apiRoute } from '@/lib/http';

// GET /api/v1/connect[?refresh=1] -> {account_id, charges_enabled, payouts_enabled, details_submitted, requirements_due}.
export const GET = apiRoute({ access: ['provider'] }, async ({ request, user }) =>
  connectStatus(user, { refresh: new URL(request.url).searchParams.get('refresh') === '1' }),
);
