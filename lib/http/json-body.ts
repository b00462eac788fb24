import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/fields';

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
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  return parseBody(schema, data);
}

function parseBody<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: fieldErrors(result.error) });
  }
  return result.data;
}

function tooLarge(): AppError {
  return new AppError('payload_too_large', `The request body must be at most ${MAX_BODY_BYTES / 1024} kB.`);
}
