import { AppError } from '@/lib/errors';

/**
 * Reading request bodies safely, for the API's JSON reader (lib/http) and the
 * webhook routes: bounded while streaming, and free of what could reach a
 * prototype or make PostgreSQL refuse a text.
 */

/** Stripe's events and Daraja's results: larger than a form's body, still bounded. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** The body parsed as JSON, at most `max` bytes, with no prototype keys or NUL characters; 4xx otherwise. */
export async function readJsonText(request: Request, max: number): Promise<unknown> {
  const text = await readBodyText(request, max);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  refuseUnsafe(data);
  return data;
}

/**
 * The body as text, read a chunk at a time and given up (413) as soon as it
 * passes `max` bytes: a huge or endless body never sits whole in memory. A
 * declared Content-Length over the limit is refused before reading anything.
 */
export async function readBodyText(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) throw tooLarge(max);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

// Keys that would reach an object's prototype where a body is copied or its field errors are built.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A 400 for a key that could reach a prototype, or a NUL character in any key or text (PostgreSQL refuses it in text). */
function refuseUnsafe(value: unknown, path: string[] = [], depth = 0): void {
  if (depth > 64) throw new AppError('invalid_json', 'The request body is nested too deeply.');
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw nulError(path);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => refuseUnsafe(v, [...path, String(i)], depth + 1));
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new AppError('invalid_json', `The request body may not use the key "${key}".`);
    if (key.includes('\u0000')) throw nulError(path);
    refuseUnsafe(v, [...path, key], depth + 1);
  }
}

function nulError(path: string[]): AppError {
  const field = path.length ? path.join('.') : '_';
  return new AppError('validation_failed', 'Text may not contain a NUL character (\\u0000).', { fields: { [field]: ['must not contain a NUL character'] } });
}

function tooLarge(max: number): AppError {
  return new AppError('payload_too_large', `The request body must be at most ${Math.round(max / 1024)} kB.`);
}
