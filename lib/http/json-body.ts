import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/fields';
import { readJsonText } from '@/lib/request-body';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body and validates it. Anything else (another content
 * type, a body too large, invalid JSON, wrong types, unknown fields) is a 4xx.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, options: { optional?: boolean } = {}): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (options.optional && !type && (request.headers.get('content-length') ?? '0') === '0') return parseBody(schema, {});
  if (!/^application\/(.+\+)?json\b/i.test(type.trim())) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  return parseBody(schema, await readJsonText(request, MAX_BODY_BYTES));
}

function parseBody<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: fieldErrors(result.error) });
  }
  return result.data;
}
