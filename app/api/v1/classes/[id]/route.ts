import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { getClass } from '@/lib/schedule';

// GET /api/v1/classes/:id -> {class} (cancelled ones too, with cancelled: true); unknown or malformed id -> 404
export const GET = apiRoute({ access: 'public' }, async ({ params }) => {
  const found = await getClass(String(params.id));
  if (!found) throw new AppError('not_found', 'No such class.');
  return { class: found };
});
