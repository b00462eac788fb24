import { describe, expect, it } from 'vitest';
import { api, registerAndToken, uniqueEmail } from './fixtures';

describe('POST /api/v1/auth/token and GET /api/v1/me', () => {
  it('issues a bearer token that identifies the user', async () => {
    const { token, email, id } = await registerAndToken('tok');
    expect(token).toMatch(/^wbt_/);
    const me = await api('/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: { id, email, name: 'Test User', role: 'client', created_at: expect.any(String), phone: null, time_zone: null } });
  });

  it('returns expires_at in the future', async () => {
    const email = uniqueEmail('exp');
    await api('/api/v1/auth/register', { json: { email, password: 'password-123', name: 'E' } });
    const res = await api<{ expires_at: string }>('/api/v1/auth/token', { json: { email, password: 'password-123' } });
    expect(res.status).toBe(201);
    expect(new Date(res.body.expires_at).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
  });

  it('answers 401 without a token, with a bad token and with a malformed header', async () => {
    for (const headers of [undefined, 'wbt_nonsense', 'not-a-token']) {
      const res = await api('/api/v1/me', { token: headers });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('gives the same 401 for a wrong password and an unknown e-mail', async () => {
    const { email } = await registerAndToken('wrong');
    const wrong = await api('/api/v1/auth/token', { json: { email, password: 'not-the-password' } });
    const unknown = await api('/api/v1/auth/token', { json: { email: uniqueEmail('ghost'), password: 'whatever-it-is' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses a revoked token', async () => {
    const { token } = await registerAndToken('revoke');
    expect((await api('/api/v1/auth/token', { method: 'DELETE', token })).status).toBe(204);
    expect((await api('/api/v1/me', { token })).status).toBe(401);
  });

  it('accepts a token issued by one app process on another', async () => {
    const { token } = await registerAndToken('multi');
    expect((await api('/api/v1/me', { token, server: 1 })).status).toBe(200);
  });

  it.each([
    ['bad JSON', { rawBody: '{', contentType: 'application/json' }, 400],
    ['missing fields', { json: {} }, 400],
    ['wrong types', { json: { email: ['a'], password: 12 } }, 400],
    ['an unknown field', { json: { email: 'a@b.test', password: 'x', remember: true } }, 400],
    ['a 100 kB password', { json: { email: 'a@b.test', password: 'p'.repeat(100_000) } }, 413],
    ['an SQL-looking password', { json: { email: 'admin@wellbook.test', password: "' OR 1=1 --" } }, 401],
    ['a form-encoded body', { rawBody: 'email=a%40b.test&password=x', contentType: 'application/x-www-form-urlencoded' }, 415],
  ] as const)('answers %s with a 4xx in the error shape', async (_label, options, status) => {
    const res = await api('/api/v1/auth/token', { method: 'POST', ...options });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('answers unknown API paths with 404 in the error shape', async () => {
    const res = await api('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });
});
