import { describe, expect, it } from 'vitest';
import { signInCookie } from '../../scripts/lib/sign-in';
import { adminToken, api, appUrls, expectErrorShape, makeClient, registerAndToken, testSql } from './fixtures';

/**
 * Input that used to reach a 500 (issue 16): prototype keys, NUL characters,
 * impossible instants and bodies too large to hold. Each is a 4xx in the
 * error shape, and nothing is stored.
 */
describe('unsafe input gets a clear 4xx, never a 500', () => {
  it('a __proto__ or constructor key in any JSON body is a 400', async () => {
    const client = await makeClient();
    const admin = await adminToken();
    const cases: { path: string; token?: string; raw: string }[] = [
      { path: '/api/v1/auth/register', raw: '{"email":"p@x.test","password":"a-long-password","name":"P","__proto__":{"role":"admin"}}' },
      { path: '/api/v1/bookings', token: client.token, raw: '{"__proto__":{"x":1},"class_id":"00000000-0000-4000-8000-000000000000"}' },
      { path: '/api/v1/packages', token: admin, raw: '{"name":"Proto","class_count":5,"price":{"amount":100,"currency":"gbp","constructor":{"prototype":{}}},"validity_days":30}' },
    ];
    for (const c of cases) {
      const res = await api(c.path, { rawBody: c.raw, contentType: 'application/json', token: c.token });
      expect(res.status, c.path).toBe(400);
      expect(expectErrorShape(res.body).error.code, c.path).toBe('invalid_json');
    }
    const [{ n }] = (await testSql()`select count(*)::int as n from users where email = 'p@x.test'`) as unknown as [{ n: number }];
    expect(n).toBe(0);
  });

  it('a NUL character in a body field or a query string is a 400 naming the field', async () => {
    const client = await makeClient();
    const admin = await adminToken();
    const key = await api('/api/v1/api-keys', { json: { name: 'a\u0000b' }, token: admin });
    expect(key.status).toBe(400);
    expect(expectErrorShape(key.body).error.fields).toHaveProperty('name');
    const search = await api('/api/v1/bookings?search=a%00b', { token: client.token });
    expect(search.status).toBe(400);
    expect(expectErrorShape(search.body).error.fields).toHaveProperty('search');
  });

  it('an instant that does not exist, or in year 0 or 9999, is a 400 on its field', async () => {
    const client = await makeClient();
    for (const from of ['2027-02-30T09:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      const res = await api(`/api/v1/bookings?from=${encodeURIComponent(from)}`, { token: client.token });
      expect(res.status, from).toBe(400);
      expect(expectErrorShape(res.body).error.fields, from).toHaveProperty('from');
    }
  });

  it('a body over the limit is refused while it streams: the API at 64 kB, the Stripe webhook at 1 MB', async () => {
    // Chunked, with no Content-Length: the server has to count as it reads.
    const chunked = (megabytes: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
          for (let i = 0; i < megabytes * 16; i++) controller.enqueue(chunk);
          controller.close();
        },
      });
    const post = (path: string, megabytes: number) =>
      fetch(`${appUrls()[0]}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=forged' }, body: chunked(megabytes), duplex: 'half' } as RequestInit);
    const register = await post('/api/v1/auth/register', 8);
    expect(register.status).toBe(413);
    expect(expectErrorShape(await register.json()).error.code).toBe('payload_too_large');
    const webhook = await post('/api/stripe/webhook', 8);
    expect(webhook.status).toBe(413);
    // Under the limit, a forged signature is still the 400 it was.
    const small = await fetch(`${appUrls()[0]}/api/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=forged' }, body: '{}' });
    expect(small.status).toBe(400);
  });
});

describe('security headers', () => {
  it('every page and API answer says nosniff, no framing and a referrer policy; API answers are never stored', async () => {
    const client = await makeClient();
    for (const path of ['/', '/schedule', '/signin', '/api/health', '/api/v1/classes', '/api/v1/me', '/api/v1/no-such-route']) {
      const res = await fetch(`${appUrls()[0]}${path}`, { headers: path === '/api/v1/me' ? { authorization: `Bearer ${client.token}` } : {} });
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy'), path).toContain('payment=()');
    }
    const me = await api('/api/v1/me', { token: client.token });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
  });
});

describe('ids in the path', () => {
  it('a malformed booking or payment id is a 404 in the error shape, never a 500', async () => {
    const client = await makeClient();
    const admin = await adminToken();
    const cases: { path: string; method?: string; json?: unknown; token: string }[] = [
      { path: '/api/v1/bookings/not-a-uuid/payment', method: 'POST', json: {}, token: client.token },
      { path: '/api/v1/bookings/not-a-uuid/payment', method: 'POST', json: { pay_with: 'mpesa', phone: '0712345678' }, token: client.token },
      { path: '/api/v1/payments/%00', token: client.token },
      { path: '/api/v1/payments/pi_x%00y/status', token: client.token },
      { path: '/api/v1/payments/%00/refund', method: 'POST', json: { reason: 'x' }, token: admin },
    ];
    for (const c of cases) {
      const res = await api(c.path, { method: c.method, json: c.json, token: c.token });
      expect(res.status, c.path).toBe(404);
      expect(expectErrorShape(res.body).error.code, c.path).toBe('not_found');
    }
  });
});

describe('search boxes', () => {
  it('take % and _ literally: "%" finds no client with credits unless a name holds one', async () => {
    const admin = await adminToken();
    const all = await api<{ clients: unknown[]; total: number }>('/api/v1/credits/clients', { token: admin });
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    for (const search of ['%', '_', '%%']) {
      const res = await api<{ clients: { client: { name: string; email: string } }[] }>(`/api/v1/credits/clients?search=${encodeURIComponent(search)}`, { token: admin });
      expect(res.status, search).toBe(200);
      for (const c of res.body.clients) expect(`${c.client.name} ${c.client.email}`, search).toContain(search);
    }
  });
});

describe('revoking a token', () => {
  it('DELETE /api/v1/auth/token with only the session cookie is a 400 saying what to send, not a 204 that revoked nothing', async () => {
    const client = await registerAndToken('revoke');
    const cookie = await signInCookie(appUrls()[0] ?? '', client.email, client.password);
    const res = await fetch(`${appUrls()[0]}/api/v1/auth/token`, { method: 'DELETE', headers: { cookie } });
    expect(res.status).toBe(400);
    expect(expectErrorShape(await res.json()).error.message).toMatch(/bearer token/);
    // The bearer token still works: nothing was revoked.
    expect((await api('/api/v1/me', { token: client.token })).status).toBe(200);
  });
});

describe('signing out', () => {
  it('ends that session on the server: a copy of its cookie is refused at once; the same user’s other sessions go on', async () => {
    const user = await registerAndToken('signout');
    const base = appUrls()[0] ?? '';
    const kept = await signInCookie(base, user.email, user.password);
    const ended = await signInCookie(base, user.email, user.password);
    const me = (cookie: string) => fetch(`${base}/api/v1/me`, { headers: { cookie } }).then((r) => r.status);
    expect(await me(ended)).toBe(200);

    // Sign out as the browser does: the CSRF token of this cookie jar, posted to Auth.js.
    const { csrfToken } = (await (await fetch(`${base}/api/auth/csrf`, { headers: { cookie: ended } })).json()) as { csrfToken: string };
    const out = await fetch(`${base}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: ended },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(out.status).toBeLessThan(400);

    // The old cookie, replayed as a thief would, no longer signs anyone in, on either server.
    expect(await me(ended)).toBe(401);
    expect((await fetch(`${appUrls()[1]}/api/v1/me`, { headers: { cookie: ended } })).status).toBe(401);
    expect(await me(kept)).toBe(200);
    expect((await api('/api/v1/me', { token: user.token })).status).toBe(200);
  });
});
