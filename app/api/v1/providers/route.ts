import { apiRoute } from '@/lib/http';
import { listProviders } from '@/lib/schedule';

// GET /api/v1/providers -> {providers: [{id, name, headline, bio, time_zone, session_types: [...]}]} (active types only)
export const GET = apiRoute({ access: 'public' }, async () => ({ providers: await listProviders() }));
