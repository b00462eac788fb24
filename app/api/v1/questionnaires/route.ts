import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { listQuestionnairesQuery, listQuestionnaires } from '@/lib/questionnaire';

// GET /api/v1/questionnaires?state=needs_clearance&page= -> {questionnaires, total, page, page_size}
// Admins see everyone's; providers only their clients'. No answers in the list.
export const GET = apiRoute({ access: ['admin', 'provider'] }, async ({ request, user }) => {
  // The shared parser: a repeated parameter or a NUL is a 400 naming it, like every other list.
  const { state, page, page_size } = parseQuery(request, listQuestionnairesQuery);
  return listQuestionnaires(user, { state, page, pageSize: page_size });
});
