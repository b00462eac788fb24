import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '@/lib/openapi/build';
import { api, appUrls, registerAndToken } from './fixtures';

type Schema = { $ref?: string; type?: string | string[]; required?: string[]; properties?: Record<string, Schema>; items?: Schema };

async function servedDocument(): Promise<OpenApiDocument> {
  const res = await api<OpenApiDocument>('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  return res.body;
}

/** The keys a documented 200 answer must have, at the top and in the first item of each list of objects. */
function missingKeys(doc: OpenApiDocument, schema: Schema, body: unknown, at = '$'): string[] {
  const resolved = schema.$ref ? (doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] as Schema) : schema;
  if (body === null || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const missing = (resolved.required ?? []).filter((k) => !(k in record)).map((k) => `${at}.${k}`);
  for (const [k, prop] of Object.entries(resolved.properties ?? {})) {
    const value = record[k];
    if (prop.items && Array.isArray(value) && value.length) missing.push(...missingKeys(doc, prop.items, value[0], `${at}.${k}[0]`));
  }
  return missing;
}

describe('GET /api/v1/openapi.json', () => {
  it('serves the OpenAPI 3.1 document as JSON to anyone', async () => {
    const res = await fetch(`${appUrls()[0]}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as OpenApiDocument;
    expect(doc.openapi.startsWith('3.1')).toBe(true);
    expect(doc.info.title).toBeTruthy();
  });

  it('describes POST /api/v1/bookings with its body schema', async () => {
    const doc = await servedDocument();
    const post = doc.paths['/api/v1/bookings']?.post;
    const body = post?.requestBody?.content['application/json']?.schema;
    expect(body?.type).toBe('object');
    expect(body?.properties?.pay_with).toMatchObject({ type: 'string', enum: ['card', 'credit', 'mpesa'] });
    expect(post?.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '422']));
  });

  it('is not shadowed by the catch-all, which still answers 404 next to it', async () => {
    const res = await api('/api/v1/openapi.yaml');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('documents keys the app really sends', async () => {
    const doc = await servedDocument();
    const { token } = await registerAndToken('openapi');
    const success = (apiPath: string) => doc.paths[apiPath]?.get?.responses['200']?.content?.['application/json']?.schema as Schema;
    for (const [apiPath, call] of [
      ['/api/v1/providers', () => api('/api/v1/providers')],
      ['/api/v1/classes', () => api('/api/v1/classes')],
      ['/api/v1/questionnaire/questions', () => api('/api/v1/questionnaire/questions')],
      ['/api/v1/questionnaire', () => api('/api/v1/questionnaire', { token })],
      ['/api/v1/me', () => api('/api/v1/me', { token })],
      ['/api/v1/bookings', () => api('/api/v1/bookings', { token })],
    ] as const) {
      const res = await call();
      expect(res.status, apiPath).toBe(200);
      expect(missingKeys(doc, success(apiPath), res.body), apiPath).toEqual([]);
    }
  });
});
