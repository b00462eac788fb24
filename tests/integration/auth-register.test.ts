import { describe, expect, it } from 'vitest';
import { api, countUsersWithEmail, expectErrorShape, testSql, uniqueEmail } from './fixtures';

const good = () => ({ email: uniqueEmail('reg'), password: 'correct horse battery', name: 'Rhea Client' });

describe('POST /api/v1/auth/register', () => {
  it('creates a client account and returns it without any password data', async () => {
    const input = good();
    const res = await api('/api/v1/auth/register', { json: { ...input, email: `  ${input.email.toUpperCase()} ` } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      user: { id: expect.any(String), email: input.email, name: 'Rhea Client', role: 'client', created_at: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon|hash/i);
  });

  it('stores only an argon2id hash of the password', async () => {
    const input = good();
    await api('/api/v1/auth/register', { json: input });
    const [row] = await testSql()`select password_hash from users where email = ${input.email}`;
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.password_hash).not.toContain(input.password);
  });

  it('refuses a duplicate e-mail, whatever its case, with 409 and no second row', async () => {
    const input = good();
    expect((await api('/api/v1/auth/register', { json: input })).status).toBe(201);
    const again = await api('/api/v1/auth/register', { json: { ...input, email: input.email.toUpperCase() } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'email_taken', fields: { email: expect.any(Array) } } });
    expect(await countUsersWithEmail(input.email)).toBe(1);
  });

  it('gives one account to concurrent registrations of the same e-mail', async () => {
    const input = good();
    const results = await Promise.all(Array.from({ length: 8 }, () => api('/api/v1/auth/register', { json: input })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    expect(await countUsersWithEmail(input.email)).toBe(1);
  });

  const malformed: [string, () => Parameters<typeof api>[1], number][] = [
    ['bad JSON', () => ({ rawBody: '{"email": "a@b.test",', contentType: 'application/json' }), 400],
    ['an empty body', () => ({ rawBody: '', contentType: 'application/json' }), 400],
    ['a JSON array', () => ({ json: [good()] }), 400],
    ['JSON null', () => ({ rawBody: 'null', contentType: 'application/json' }), 400],
    ['missing fields', () => ({ json: {} }), 400],
    ['a missing password', () => ({ json: { email: uniqueEmail(), name: 'X' } }), 400],
    ['wrong types', () => ({ json: { email: 42, password: true, name: { first: 'x' } } }), 400],
    ['an unknown field', () => ({ json: { ...good(), role: 'admin' } }), 400],
    ['an invalid e-mail', () => ({ json: { ...good(), email: 'not-an-email' } }), 400],
    ['a short password', () => ({ json: { ...good(), password: 'short' } }), 400],
    ['a 100 kB name', () => ({ json: { ...good(), name: 'x'.repeat(100_000) } }), 413],
    ['a 100 kB password', () => ({ json: { ...good(), password: 'p'.repeat(100_000) } }), 413],
    ['a 1 kB name', () => ({ json: { ...good(), name: 'n'.repeat(1_000) } }), 400],
    ['a 300-character password', () => ({ json: { ...good(), password: 'p'.repeat(300) } }), 400],
    ['an SQL-looking e-mail', () => ({ json: { ...good(), email: "x' OR '1'='1" } }), 400],
    ['a form-encoded body', () => ({ rawBody: 'email=a%40b.test&password=password1&name=A', contentType: 'application/x-www-form-urlencoded' }), 415],
    ['a multipart body', () => ({ rawBody: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x' }), 415],
    ['no content type', () => ({ rawBody: JSON.stringify(good()) }), 415],
  ];

  it.each(malformed)('answers %s with a clear 4xx and stores nothing', async (_label, options, status) => {
    const before = await testSql()`select count(*)::int as n from users`;
    const res = await api('/api/v1/auth/register', { method: 'POST', ...options() });
    expect(res.status).toBe(status);
    expectErrorShape(res.body);
    const after = await testSql()`select count(*)::int as n from users`;
    // Integration files run one at a time, so nothing else writes users meanwhile.
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('names each bad field', async () => {
    const res = await api('/api/v1/auth/register', { json: { email: 'nope', password: 1, extra: true } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: { email: [expect.any(String)], password: ['Password must be text.'], name: ['Name is required.'], extra: ['Unknown field.'] },
      },
    });
  });

  it('stores an SQL-looking name as plain text and keeps the table intact', async () => {
    const input = { ...good(), name: "Robert'); DROP TABLE users;--" };
    const res = await api('/api/v1/auth/register', { json: input });
    expect(res.status).toBe(201);
    const [row] = await testSql()`select name from users where email = ${input.email}`;
    expect(row?.name).toBe(input.name);
  });
});
