import { listAudit, listAuditQuery } from '@/lib/audit';
import { parseQuery } from '@/lib/fields';
import { apiRoute } from '@/lib/http';

// GET /api/v1/audit?actor&action&from&to&page&page_size -> {entries, total, page, page_size}: who changed money, access or settings, newest first (admin).
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => {
  const q = parseQuery(request, listAuditQuery);
  return listAudit({ actor: q.actor, action: q.action, from: q.from, to: q.to, page: q.page, pageSize: q.page_size });
});
