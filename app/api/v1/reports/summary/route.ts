import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { reportSummary, summaryQuery } from '@/lib/reports';

// GET /api/v1/reports/summary?from&to&interval&provider_id&currency -> the analytics figures per currency, interval and provider (admins).
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => {
  const q = parseQuery(request, summaryQuery);
  const summary = await reportSummary({ from: q.from, to: q.to, interval: q.interval, providerId: q.provider_id, currency: q.currency });
  return Response.json(summary, { headers: { 'cache-control': 'no-store' } });
});
