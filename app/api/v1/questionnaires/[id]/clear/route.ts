import { apiRoute } from '@/lib/http/api';
import { clearQuestionnaire } from '@/lib/questionnaire/clearance';
import { clearanceInput } from '@/lib/questionnaire/input';

// POST /api/v1/questionnaires/:id/clear {note} -> the client's status after clearing
// Admins and the client's providers; others get 404, the client themself 403.
export const POST = apiRoute({ access: 'user', body: clearanceInput }, async ({ user, params, body }) =>
  clearQuestionnaire(String(params.id), user, body.note),
);
