import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { clientIdQuery, creditsOfIntegrationClient } from '@/lib/integration';

// GET /api/v1/credits/by-client?client_id= -> {client_id, total_credits, credits} (seed 000): an admin or an integration key.
export const GET = apiRoute({ access: ['admin'], integration: true }, async ({ request }) =>
  creditsOfIntegrationClient(parseQuery(request, clientIdQuery).client_id),
);
