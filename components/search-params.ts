export type SearchParams = Record<string, string | string[] | undefined>;

/** One value of a query parameter; repeated or missing parameters give undefined. */
export function singleParam(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}
