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

export const uuidField = (label: string) => z.string({ error: `${label} must be an id.` }).regex(UUID_RE, `${label} must be a valid id.`);

/** An ISO 8601 instant with its offset ("2027-03-28T09:00:00+01:00" or "...Z"). */
export const instantField = (label: string) =>
  z
    .string({ error: `${label} must be an ISO 8601 date-time.` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i, `${label} must be an ISO 8601 date-time with an offset, like 2027-03-28T09:00:00Z.`)
    .transform((v, ctx) => {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: `${label} is not a real date-time.` });
        return z.NEVER;
      }
      return d;
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
