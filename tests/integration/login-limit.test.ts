import { describe, expect, it } from 'vitest';
import { api, randomIp, registerAndToken, uniqueEmail } from './fixtures';

const LIMIT = 10;

async function attempt(email: string, password: string, ip: string, server = 0) {
  return api('/api/v1/auth/token', { json: { email, password }, ip, server });
}

describe('failed-login limit', () => {
  it(`refuses an account with 429 after ${LIMIT} failures, even with the right password`, async () => {
    const { email, password } = await registerAndToken('limit');
    for (let i = 0; i < LIMIT; i++) {
      expect((await attempt(email, 'wrong-password', randomIp())).status).toBe(401);
    }
    const blocked = await attempt(email, password, randomIp());
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts across two app processes sharing the database', async () => {
    const { email, password } = await registerAndToken('multiproc');
    for (let i = 0; i < LIMIT; i++) {
      expect((await attempt(email, 'wrong-password', randomIp(), i % 2)).status).toBe(401);
    }
    expect((await attempt(email, password, randomIp(), 0)).status).toBe(429);
    expect((await attempt(email, password, randomIp(), 1)).status).toBe(429);
  });

  it(`limits one IP to ${LIMIT} failures across accounts`, async () => {
    const ip = randomIp();
    for (let i = 0; i < LIMIT; i++) {
      expect((await attempt(uniqueEmail('spray'), 'guess-123', ip)).status).toBe(401);
    }
    const { email, password } = await registerAndToken('victim');
    expect((await attempt(email, password, ip)).status).toBe(429);
    // The same account from another address is fine: only that IP is limited.
    expect((await attempt(email, password, randomIp())).status).toBe(201);
  });

  it(`lets exactly ${LIMIT} of 30 concurrent guesses through to a password check`, async () => {
    const { email } = await registerAndToken('burst');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(email, `guess-${i}`, randomIp(), i % 2)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - LIMIT);
  });

  it('starts an account afresh after a successful sign-in', async () => {
    const { email, password } = await registerAndToken('reset');
    for (let i = 0; i < LIMIT - 1; i++) await attempt(email, 'wrong-password', randomIp());
    expect((await attempt(email, password, randomIp())).status).toBe(201);
    for (let i = 0; i < LIMIT - 1; i++) {
      expect((await attempt(email, 'wrong-password', randomIp())).status).toBe(401);
    }
    expect((await attempt(email, password, randomIp())).status).toBe(201);
  });
});
