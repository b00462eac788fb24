import { apiRoute } from '@/lib/http';
import { getProvider } from '@/lib/schedule';

// GET /api/v1/providers/:id -> {provider}; unknown or malformed id -> 404
export const GET = apiRoute({ access: 'public' }, async ({ params }) => ({ provider: await getProvider(String(params.id)) }));
