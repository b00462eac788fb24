import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { DAY_MS } from '@/lib/time';

export const DEFAULT_RANGE_DAYS = 14;
export const MAX_QUERY_RANGE_DAYS = 62;

/**
 * A query's [from, to): from defaults to now, to to `from` + 14 days. An empty
 * range or one longer than 62 days is a 400 naming `to`.
 */
export function queryRange(from: Date | undefined, to: Date | undefined): { from: Date; to: Date } {
  const start = from ?? now();
  const end = to ?? new Date(start.getTime() + DEFAULT_RANGE_DAYS * DAY_MS);
  if (end.getTime() <= start.getTime()) {
    throw new AppError('validation_failed', 'The range is empty.', { fields: { to: ['"to" must be after "from".'] } });
  }
  if (end.getTime() - start.getTime() > MAX_QUERY_RANGE_DAYS * DAY_MS) {
    throw new AppError('validation_failed', `The range can be at most ${MAX_QUERY_RANGE_DAYS} days.`, {
      fields: { to: [`The range can be at most ${MAX_QUERY_RANGE_DAYS} days.`] },
    });
  }
  return { from: start, to: end };
}
