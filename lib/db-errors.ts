interface PgErrorLike {
  code?: string;
  constraint_name?: string;
}

/** Drizzle wraps driver errors; the Postgres error sits on `cause`. */
function pgError(err: unknown): PgErrorLike | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgErrorLike & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err);
  return pg?.code === '23505' && (!constraint || pg.constraint_name === constraint);
}

export function isExclusionViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err);
  return pg?.code === '23P01' && (!constraint || pg.constraint_name === constraint);
}
