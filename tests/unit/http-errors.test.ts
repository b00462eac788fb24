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
  ])('refuses %s', async (_label, req, code) => {
    await expect(readJsonBody(req, schema)).rejects.toMatchObject({ code });
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
});
