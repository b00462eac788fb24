import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, inject, it } from 'vitest';
import { createIsolatedDatabase, dropDatabase } from '../../scripts/lib/databases';
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

  it('a failing query logs its error, never its parameters: no password hash, token hash, key or request data', async () => {
    // A database without our tables: every query fails, as in an outage, with the parameters postgres-js carries.
    const server = new URL(inject('databaseUrl'));
    server.pathname = '/postgres';
    const empty = await createIsolatedDatabase(server.toString(), 'wellbook_logs');
    let log = '';
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const app = await startAppServer({ databaseUrl: empty.url, expectHealthy: false, log: sink });
    try {
      const password = `pw-${randomUUID()}`;
      const token = `wb_${randomUUID().replaceAll('-', '')}`;
      const secretName = `Secret Contact ${randomUUID().slice(0, 8)}`;
      const send = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init).then((r) => r.status);
      const json = { 'content-type': 'application/json' };
      expect(await send('/api/v1/auth/register', { method: 'POST', headers: json, body: JSON.stringify({ email: 'leak@example.test', password, name: 'Leak' }) })).toBeGreaterThanOrEqual(500);
      await send('/api/v1/auth/token', { method: 'POST', headers: json, body: JSON.stringify({ email: 'leak@example.test', password }) });
      await send('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
      await send('/api/v1/questionnaire', { method: 'PUT', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ emergency_contact: { name: secretName } }) });
      await new Promise((r) => setTimeout(r, 300));
      // The errors were logged, so their absence below means something.
      expect(log).toMatch(/unhandled error|error/i);
      for (const secret of [password, token, createHash('sha256').update(token).digest('hex'), secretName]) expect(log).not.toContain(secret);
      expect(log).not.toMatch(/\$argon2/);
      expect(log).not.toMatch(/params: (?!\[redacted\])/);
    } finally {
      await app.stop();
      await dropDatabase(server.toString(), empty.name);
    }
  });
});
