import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { listUsers, listUsersQuery } from '@/lib/users';

const PAGE_SIZE = 20;

// GET /api/v1/users?search&role&page -> {users, total, page, page_size}: by role then e-mail (admin).
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => {
  const q = parseQuery(request, listUsersQuery);
  const { users, total, page, pageSize } = await listUsers({ search: q.search, role: q.role, page: q.page, pageSize: PAGE_SIZE });
  return { users, total, page, page_size: pageSize };
});
