import { z } from 'zod';
import { apiRoute } from '@/lib/http/api';
import { AppError } from '@/lib/http/errors';
import { fieldErrors } from '@/lib/http/json-body';
import { LISTABLE_STATES, listQuestionnaires } from '@/lib/questionnaire/list';

const query = z.strictObject({
  // Which current questionnaires: awaiting clearance (the default), valid, expired or all.
  state: z.enum(LISTABLE_STATES).default('needs_clearance'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
});

// GET /api/v1/questionnaires?state=needs_clearance&page= -> {questionnaires, total, page, page_size}
// Admins see everyone's; providers only their clients'. No answers in the list.
export const GET = apiRoute({ access: ['admin', 'provider'] }, async ({ request, user }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: fieldErrors(parsed.error) });
  const { state, page, page_size } = parsed.data;
  return listQuestionnaires(user, { state, page, pageSize: page_size });
});
