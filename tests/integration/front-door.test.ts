import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/stack';
import { appUrls, expectErrorShape, testSql, uniqueEmail } from './fixtures';

/**
 * What lib/front-door.ts settles before Next sees a request (issue 16): the
 * sender's real address without a trusted proxy, broken percent-encoding, and
 * server actions posted from another site. The stack's servers trust the
 * proxy header (each test file has its own address); this file starts one
 * that does not, as `npm start` runs by default.
 */
let direct: AppServer;

beforeAll(async () => {
  direct = await startAppServer({ databaseUrl: inject('databaseUrl'), env: { TRUST_PROXY: 'false' } });
}, 60_000);

afterAll(async () => {
  await direct?.stop();
});

const LIMIT = 10;

async function tokenAttempt(base: string, email: string, forwardedFor: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor, 'x-real-ip': forwardedFor },
    body: JSON.stringify({ email, password: 'wrong-password-1' }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('the front door', () => {
  it(`without TRUST_PROXY, a forged X-Forwarded-For does not escape the per-IP limit of ${LIMIT} failures`, async () => {
    const tag = uniqueEmail('xff').split('@')[0]!;
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push(await tokenAttempt(direct.url, `${tag}-${i}@spoof.test`, `198.51.100.${i + 1}`));
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
    // Every attempt came from this one socket, whatever the header said.
    expect(statuses[LIMIT]).toBe(429);
    const rows = await testSql()`select distinct ip from login_attempts where email like ${`${tag}-%`}`;
    expect(rows.map((r) => r.ip)).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/)]);
  });

  it('broken percent-encoding is a 400 in the error shape on the API, and the not-found page with 404 elsewhere', async () => {
    for (const base of [direct.url, appUrls()[0]!]) {
      for (const path of ['/api/v1/bookings/%E0%A4%A', '/api/v1/payments/%zz', '/api/stripe/webhook/%']) {
        const res = await fetch(`${base}${path}`);
        expect(res.status, path).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(expectErrorShape(await res.json()).error.code).toBe('invalid_url');
      }
      for (const path of ['/account/bookings/%E0%A4%A', '/schedule/classes/%C0', '/%']) {
        const res = await fetch(`${base}${path}`);
        expect(res.status, path).toBe(404);
        expect(await res.text()).toContain('Page not found');
      }
    }
  });

  it('a server action posted from another site is refused with 403, whatever X-Forwarded-Host says', async () => {
    const attempt = (base: string, headers: Record<string, string>) =>
      fetch(`${base}/signin`, { method: 'POST', headers: { 'next-action': '7f0000000000000000000000000000000000000000', 'content-type': 'text/plain;charset=UTF-8', ...headers }, body: '[]' });
    const forged = await attempt(direct.url, { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(forged.status).toBe(403);
    expect(expectErrorShape(await forged.json()).error.code).toBe('forbidden');
    const plain = await attempt(direct.url, { origin: 'http://evil.example' });
    expect(plain.status).toBe(403);
    // From the app's own origin the request reaches Next (an unknown action is not ours to answer).
    const own = await attempt(direct.url, { origin: direct.url });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);
  });
});
