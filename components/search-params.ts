export type SearchParams = Record<string, string | string[] | undefined>;

/** One value of a query parameter; repeated or missing parameters give undefined. */
export function singleParam(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}

/** The `page` parameter: a whole number from 1, else 1. */
export function pageParam(params: SearchParams): number {
  const raw = singleParam(params, 'page') ?? '';
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}
