import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInCookie } from '../../scripts/lib/sign-in';
import { startAppServer, type AppServer } from '../support/stack';
import { appUrls, expectErrorShape, registerAndToken, testSql, uniqueEmail } from './fixtures';

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

/** The sender for the forged-header test: its own loopback address, so its failures block nobody else's sign-in. */
const SENDER = '127.0.0.9';

function tokenAttempt(base: string, email: string, forwardedFor: string): Promise<number> {
  const body = JSON.stringify({ email, password: 'wrong-password-1' });
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/v1/auth/token`, {
      method: 'POST',
      localAddress: SENDER,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': forwardedFor, 'x-real-ip': forwardedFor },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
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
    expect(rows.map((r) => r.ip)).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.9$/)]);
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

  it('every page has a strict script policy with a fresh nonce its scripts carry; signed-in pages are never stored', async () => {
    const base = appUrls()[0]!;
    const policies: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${base}/schedule`);
      const policy = res.headers.get('content-security-policy') ?? '';
      policies.push(policy);
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
      expect(nonce, policy).toBeTruthy();
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(policies[0]).not.toBe(policies[1]);
    const policy = policies[0]!;
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(policy).toContain(directive);
    // The emulator's Stripe.js and API are allowed; Stripe's own origins only when real Stripe is configured.
    const stripe = new URL(inject('stripeUrl')).origin;
    expect(scriptSrc).toContain(stripe);
    expect(policy.split('; ').find((d) => d.startsWith('connect-src'))).toContain(stripe);
    expect(policy).not.toContain('js.stripe.com');
    // API answers carry the policy too (nothing of ours may be framed).
    expect((await fetch(`${base}/api/health`)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    const client = await registerAndToken('csp');
    const cookie = await signInCookie(base, client.email, client.password);
    const account = await fetch(`${base}/account`, { headers: { cookie } });
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toContain('no-store');
  });

  it('HSTS only over HTTPS: behind a trusted proxy that says so, never from a forged header', async () => {
    expect((await fetch(`${appUrls()[0]}/schedule`)).headers.get('strict-transport-security')).toBeNull();
    const proxied = await fetch(`${appUrls()[0]}/schedule`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(proxied.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const forged = await fetch(`${direct.url}/schedule`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers.get('strict-transport-security')).toBeNull();
    expect(forged.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });
});
