import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { startAppServer } from '../support/stack';
import { api, registerAndToken } from './fixtures';

describe('GET /api/health', () => {
  it('answers ok when the database is up', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 when the database is down', async () => {
    // A server whose database does not exist answers, but cannot reach its data.
    const url = new URL(inject('databaseUrl'));
    url.pathname = '/no_such_database_here';
    const server = await startAppServer({ databaseUrl: url.toString(), expectHealthy: false });
    try {
      const res = await fetch(`${server.url}/api/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'degraded', db: 'down' });
    } finally {
      await server.stop();
    }
  });
});

describe('secrets in logs', () => {
  it('never writes a password or a password hash to the app logs', async () => {
    const { email, password } = await registerAndToken('logcheck');
    await api('/api/v1/auth/token', { json: { email, password: `${password}-wrong` } });
    await api('/api/v1/auth/register', { json: { email, password, name: 'Again' } });
    // A short fixed wait, on purpose: this proves something is NOT written, so there is no line to poll for;
    // it gives the servers a moment to flush what they would have written.
    await new Promise((r) => setTimeout(r, 300));
    const logs = readFileSync(inject('appLogFile'), 'utf8');
    expect(logs).not.toContain(password);
    expect(logs).not.toMatch(/\$argon2/);
  });
});
