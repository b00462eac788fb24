import { apiRoute } from '@/lib/http';
import { clearQuestionnaire, clearanceInput } from '@/lib/questionnaire';

// POST /api/v1/questionnaires/:id/clear {note} -> the client's status after clearing
// Admins and the client's providers; others get 404, the client themself 403.
export const POST = apiRoute({ access: 'user', body: clearanceInput }, async ({ user, params, body }) =>
  clearQuestionnaire(String(params.id), user, body.note),
);
