import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/fields';
import { listQuestionnairesQuery, listQuestionnaires } from '@/lib/questionnaire';

// GET /api/v1/questionnaires?state=needs_clearance&page= -> {questionnaires, total, page, page_size}
// Admins see everyone's; providers only their clients'. No answers in the list.
export const GET = apiRoute({ access: ['admin', 'provider'] }, async ({ request, user }) => {
  const parsed = listQuestionnairesQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: fieldErrors(parsed.error) });
  const { state, page, page_size } = parsed.data;
  return listQuestionnaires(user, { state, page, pageSize: page_size });
});
