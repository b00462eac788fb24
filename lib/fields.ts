import { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';

/**
 * Field schemas and query parsing shared by every /api/v1 route.
 *
 * Conventions: a malformed id in the URL path is a 404 (no such resource); a
 * malformed id in a query string or body is a 400 `validation_failed` naming
 * the field; an unknown, well-formed id anywhere is a 404 `not_found`.
 */

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

/** Text as a LIKE/ILIKE pattern matching itself literally: `%`, `_` and `\\` are escaped (PostgreSQL's default escape). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The ILIKE pattern of a search box: the text anywhere, taken literally. */
export function containsPattern(search: string): string {
  return `%${escapeLike(search)}%`;
}

/** An id of Stripe's form (evt_…, pi_…, cs_…): letters, digits and underscores, at most 255. Anything else (a NUL, a slash) names nothing. */
export function isStripeId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_]{1,255}$/.test(value);
}

/** A payment's id as this app makes them (pi_… from Stripe, mp_… for M-Pesa): anything else names no payment. */
export function isPaymentId(value: unknown): value is string {
  return isStripeId(value);
}

export const uuidField = (label: string) => z.string({ error: `${label} must be an id.` }).regex(UUID_RE, `${label} must be a valid id.`);

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i;
/** The years an instant may fall in: wide for reports and history, narrow enough for every date library and PostgreSQL. */
export const INSTANT_YEARS = { min: 1900, max: 2200 } as const;

/**
 * An ISO 8601 instant with its offset as a Date, or why not: the calendar day
 * must exist (no 30 February rolled into March), the clock and the offset must
 * be real, and the year within INSTANT_YEARS. The one parser of instants.
 */
export function parseInstant(value: string): { ok: true; date: Date } | { ok: false; reason: 'format' | 'calendar' | 'range' } {
  const m = INSTANT_RE.exec(value);
  if (!m) return { ok: false, reason: 'format' };
  const [year, month, day, hour, minute, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as number[];
  const daysInMonth = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
  if ((month ?? 0) < 1 || (month ?? 0) > 12 || (day ?? 0) < 1 || (day ?? 0) > daysInMonth) return { ok: false, reason: 'calendar' };
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59 || Number(m[8] ?? 0) > 14 || Number(m[9] ?? 0) > 59) return { ok: false, reason: 'calendar' };
  if ((year ?? 0) < INSTANT_YEARS.min || (year ?? 0) > INSTANT_YEARS.max) return { ok: false, reason: 'range' };
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? { ok: false, reason: 'calendar' } : { ok: true, date };
}

/** An ISO 8601 instant with its offset ("2027-03-28T09:00:00+01:00" or "...Z"). */
export const instantField = (label: string) =>
  z
    .string({ error: `${label} must be an ISO 8601 date-time.` })
    .regex(INSTANT_RE, `${label} must be an ISO 8601 date-time with an offset, like 2027-03-28T09:00:00Z.`)
    .transform((v, ctx) => {
      const parsed = parseInstant(v);
      if (parsed.ok) return parsed.date;
      ctx.addIssue({
        code: 'custom',
        message:
          parsed.reason === 'range'
            ? `${label} must be between the years ${INSTANT_YEARS.min} and ${INSTANT_YEARS.max}.`
            : `${label} is not a real date-time (that day or time does not exist).`,
      });
      return z.NEVER;
    });

/** Validates a URL's query string (single values only) with a schema; failures are 400 with field messages. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) {
      throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: { [key]: ['Give this parameter once.'] } });
    }
    raw[key] = values[0] ?? '';
    // PostgreSQL refuses a NUL in text: a 400 here rather than a failed query.
    if (key.includes('\u0000') || raw[key].includes('\u0000')) {
      throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: { [key.replace(/\u0000/g, '')]: ['must not contain a NUL character'] } });
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: fieldErrors(result.error) });
  return result.data;
}

/** Throws the 400 of a failed safeParse, in the API's error shape. */
export function validationError(error: z.ZodError): AppError {
  return new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: fieldErrors(error) });
}

/** zod issues as `{ "field.path": ["message", ...] }`. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  // A Map, so that no field name (even "__proto__") can reach an object's prototype.
  const fields = new Map<string, string[]>();
  const add = (key: string, message: string) => fields.set(key, [...(fields.get(key) ?? []), message]);
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) add([...issue.path, k].join('.'), 'Unknown field.');
      continue;
    }
    add(key, issue.message);
  }
  return Object.fromEntries(fields);
}
