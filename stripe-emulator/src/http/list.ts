import { invalidRequest } from './errors';
import type { Params } from './params';

export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** Stripe's cursor pagination over items already sorted newest first. */
export function paginate<T extends { id?: string }>(items: T[], query: Params, url: string): StripeList<T> {
  const limit = query.integer('limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest('Invalid limit: must be between 1 and 100', { param: 'limit' });
  const after = query.string('starting_after');
  const before = query.string('ending_before');
  let start = 0;
  let end = items.length;
  if (after) {
    const i = items.findIndex((x) => x.id === after);
    start = i === -1 ? items.length : i + 1;
  }
  if (before) {
    const i = items.findIndex((x) => x.id === before);
    end = i === -1 ? 0 : i;
    start = Math.max(0, end - limit);
  }
  const data = items.slice(start, Math.min(end, start + limit));
  const has_more = before ? start > 0 : start + limit < end;
  return { object: 'list', data, has_more, url };
}
