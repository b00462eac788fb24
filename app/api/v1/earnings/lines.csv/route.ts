import { apiRoute } from '@/lib/http';
import { EARNING_STATES } from '@/lib/earnings';
import { AppError } from '@/lib/errors';
import { parseQuery } from '@/lib/fields';
import { csvResponse, earningLinesCsv, earningLinesExportQuery, earningLinesFileName } from '@/lib/reports';

// GET /api/v1/earnings/lines.csv?state&from&to -> the provider's own earning lines, streamed as CSV; admins name the provider with ?provider_id.
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const query = parseQuery(request, earningLinesExportQuery);
  if (user.role === 'provider' && query.provider_id && query.provider_id !== user.id) {
    throw new AppError('forbidden', 'Practitioners can only export their own earnings.');
  }
  const providerId = user.role === 'provider' ? user.id : query.provider_id;
  if (!providerId) throw new AppError('validation_failed', 'Choose the practitioner.', { fields: { provider_id: ['Give the practitioner’s user id.'] } });
  const range = { from: query.from, to: query.to };
  const state = EARNING_STATES.find((s) => s === query.state);
  const body = await earningLinesCsv({ providerId, state, ...range }, request.signal);
  return csvResponse(body, earningLinesFileName(range));
});
