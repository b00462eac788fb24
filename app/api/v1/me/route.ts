import { apiRoute } from '@/lib/http';

// GET /api/v1/me -> {user}
export const GET = apiRoute({ access: 'user' }, async ({ user }) => ({ user }));
