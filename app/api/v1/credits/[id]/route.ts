import { creditFor } from '@/lib/credits';
import { apiRoute } from '@/lib/http';

// GET /api/v1/credits/:id -> {credit, history}: for the credit's client or an admin; 404 for anyone else.
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => creditFor(String(params.id), user));
