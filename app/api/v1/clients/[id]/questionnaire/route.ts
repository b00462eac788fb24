import { apiRoute } from '@/lib/http';
import { readQuestionnaire } from '@/lib/questionnaire';

// GET /api/v1/clients/:id/questionnaire -> {client, status, current (decrypted), history (dates)}
// Admins, the client's providers and the client; anyone else gets 404 (see readQuestionnaire).
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => readQuestionnaire(String(params.id), user));
