import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, errorStatus } from '@/lib/errors';
import { fieldErrors } from '@/lib/fields';
import { readJsonBody } from '@/lib/http/json-body';

function request(body: string, type = 'application/json') {
  return new Request('http://x.test/api', { method: 'POST', body, headers: { 'content-type': type } });
}

const schema = z.strictObject({ name: z.string().min(1), age: z.number().int().optional() });

describe('AppError', () => {
  it('maps each code to its HTTP status and the PRODUCT.md error shape', () => {
    const err = new AppError('email_taken', 'Taken.', { fields: { email: ['Taken.'] } });
    expect(err.status).toBe(409);
    expect(err.toBody()).toEqual({ error: { code: 'email_taken', message: 'Taken.', fields: { email: ['Taken.'] } } });
    expect(new AppError('unauthorized', 'No.').toBody()).toEqual({ error: { code: 'unauthorized', message: 'No.' } });
  });

  it('uses only 4xx for client mistakes', () => {
    for (const code of ['bad_request', 'invalid_json', 'validation_failed', 'payload_too_large', 'unsupported_media_type', 'rate_limited'] as const) {
      expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
      expect(errorStatus[code]).toBeLessThan(500);
    }
  });
});

describe('readJsonBody', () => {
  it('returns parsed, validated data', async () => {
    await expect(readJsonBody(request('{"name":"A","age":3}'), schema)).resolves.toEqual({ name: 'A', age: 3 });
  });

  it.each([
    ['invalid JSON', request('{"name":'), 'invalid_json'],
    ['a non-JSON content type', request('name=A', 'application/x-www-form-urlencoded'), 'unsupported_media_type'],
    ['a body over 64 kB', request(JSON.stringify({ name: 'x'.repeat(70_000) })), 'payload_too_large'],
    ['wrong types', request('{"name":5}'), 'validation_failed'],
    ['unknown fields', request('{"name":"A","admin":true}'), 'validation_failed'],
    ['a __proto__ key', request('{"name":"A","__proto__":{"admin":true}}'), 'invalid_json'],
    ['a nested constructor key', request('{"name":"A","x":[{"constructor":{"prototype":1}}]}'), 'invalid_json'],
    ['a NUL in a value', request('{"name":"a\\u0000b"}'), 'validation_failed'],
    ['a NUL in a key', request('{"na\\u0000me":"A"}'), 'validation_failed'],
  ])('refuses %s', async (_label, req, code) => {
    await expect(readJsonBody(req, schema)).rejects.toMatchObject({ code });
  });

  it('names the field that holds a NUL', async () => {
    await expect(readJsonBody(request('{"name":"a\\u0000b"}'), schema)).rejects.toMatchObject({ fields: { name: ['must not contain a NUL character'] } });
  });

  it('stops reading a chunked body with no length as soon as it passes the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(`"${'x'.repeat(16_382)}",`));
      },
    });
    const req = new Request('http://x.test/api', { method: 'POST', body: endless, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    await expect(readJsonBody(req, schema)).rejects.toMatchObject({ code: 'payload_too_large' });
    // 64 kB is 4 chunks of 16 kB, and a fifth passes it: the stream is not drained.
    expect(pulled).toBeLessThan(10);
  });
});

describe('fieldErrors', () => {
  it('keys messages by field path and names unknown fields', () => {
    const result = schema.safeParse({ name: '', extra: 1 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({ name: [expect.any(String)], extra: ['Unknown field.'] });
    }
  });

  it('keeps a field named __proto__ as a field, never the prototype', () => {
    const result = schema.safeParse(JSON.parse('{"name":"A","__proto__":1}'));
    expect(result.success).toBe(false);
    if (!result.success) {
      const fields = fieldErrors(result.error);
      expect(Object.keys(fields)).toEqual(['__proto__']);
      expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
      expect(JSON.stringify(fields)).toBe('{"__proto__":["Unknown field."]}');
    }
  });
});
