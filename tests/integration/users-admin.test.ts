import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { signInCookie } from '../../scripts/lib/sign-in';
import { adminUser, api, appUrls, expectErrorShape, insertUser, makeClass, makeClient, registerAndToken, testSql, type ErrorBody } from './fixtures';

/** Users and roles for admins (issue 14 part 2): GET/PATCH /api/v1/users, over HTTP against the real stack. */

type AdminUser = { id: string; email: string; name: string; role: string; active: boolean; deactivated_at: string | null; deleted: boolean };
type Changed = { user: AdminUser; upcoming_bookings: { id: string; starts_at: string }[] };
type UserPage = { users: AdminUser[]; total: number; page: number; page_size: number };

let admin: { id: string; token: string };

beforeAll(async () => {
  admin = await adminUser();
});

function patchUser(id: string, json: unknown, token = admin.token) {
  return api<Changed & ErrorBody>(`/api/v1/users/${id}`, { method: 'PATCH', json, token });
}

/** A call made the way a browser makes it: with the session cookie, no bearer token. */
async function withCookie(path: string, cookie: string): Promise<number> {
  const res = await fetch(`${appUrls()[0]}${path}`, { headers: { cookie } });
  await res.text();
  return res.status;
}

async function auditRows(subjectId: string): Promise<{ action: string; actor_id: string | null; before: unknown; after: unknown }[]> {
  return testSql()`select action, actor_id, before, after from audit_log where subject_type = 'user' and subject_id = ${subjectId} order by at, id`;
}

async function userRow(id: string) {
  const [row] = await testSql()`select role, disabled_at, name, session_epoch from users where id = ${id}`;
  return row as { role: string; disabled_at: Date | null; name: string; session_epoch: number };
}

/**
 * Runs `fn` while the only active admins are `keep`: every other admin is
 * deactivated straight in the database, and reactivated afterwards (files run one at a time).
 */
async function withOnlyAdmins<T>(keep: string[], fn: () => Promise<T>): Promise<T> {
  const others = await testSql()`
    update users set disabled_at = now() where role = 'admin' and disabled_at is null and deleted_at is null and not (id = any(${keep}::uuid[])) returning id`;
  try {
    return await fn();
  } finally {
    const ids = others.map((r) => r.id as string);
    if (ids.length) await testSql()`update users set disabled_at = null, role = 'admin' where id = any(${ids}::uuid[])`;
  }
}

describe('GET /api/v1/users', () => {
  it('searches by name or e-mail, filters by role, and pages', async () => {
    const tag = `findme${Date.now()}`;
    const a = await insertUser('client', `${tag} Alpha`);
    await insertUser('provider', `${tag} Beta`);
    const all = await api<UserPage>(`/api/v1/users?search=${tag}`, { token: admin.token });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body).toMatchObject({ page: 1, page_size: 20 });
    const clients = await api<UserPage>(`/api/v1/users?search=${tag}&role=client`, { token: admin.token });
    expect(clients.body.users.map((u) => u.id)).toEqual([a.id]);
    expect(clients.body.users[0]).toMatchObject({ active: true, deleted: false, deactivated_at: null });
    expect(clients.body.users[0]).not.toHaveProperty('password_hash');
    const byMail = await api<UserPage>(`/api/v1/users?search=${encodeURIComponent(a.email.toUpperCase())}`, { token: admin.token });
    expect(byMail.body.users.map((u) => u.id)).toEqual([a.id]);
    const second = await api<UserPage>('/api/v1/users?page=2', { token: admin.token });
    expect(second.status).toBe(200);
    expect(second.body.page).toBe(2);
  });

  it('refuses a bad query with 400 and the field', async () => {
    for (const [query, field] of [
      ['role=wizard', 'role'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await api<ErrorBody>(`/api/v1/users?${query}`, { token: admin.token });
      expect(res.status, query).toBe(400);
      expect(expectErrorShape(res.body).error.fields?.[field], query).toBeTruthy();
    }
  });
});

describe('PATCH /api/v1/users/:id: roles', () => {
  it('makes a client a provider (with a profile), who then has provider access; and back', async () => {
    const client = await registerAndToken('promote');
    expect((await api('/api/v1/earnings', { token: client.token })).status).toBe(403);

    const res = await patchUser(client.id, { role: 'provider' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: client.id, role: 'provider', active: true });
    const [profile] = await testSql()`select headline, time_zone from provider_profiles where user_id = ${client.id}`;
    expect(profile).toBeTruthy();
    // The same token, on its next request.
    expect((await api('/api/v1/earnings', { token: client.token })).status).toBe(200);

    const back = await patchUser(client.id, { role: 'client' });
    expect(back.body.user.role).toBe('client');
    expect((await api('/api/v1/earnings', { token: client.token })).status).toBe(403);
    // Made a provider again: the profile kept from before is used, not a second one.
    expect((await patchUser(client.id, { role: 'provider' })).status).toBe(200);
    const [n] = await testSql()`select count(*)::int as n from provider_profiles where user_id = ${client.id}`;
    expect(n?.n).toBe(1);

    const rows = await auditRows(client.id);
    expect(rows.map((r) => r.action)).toEqual(['user.role_changed', 'user.role_changed', 'user.role_changed']);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, before: { role: 'client' }, after: { role: 'provider' } });
    expect(rows[1]).toMatchObject({ before: { role: 'provider' }, after: { role: 'client' } });
  });

  it('a demoted provider loses provider access on the next request, by bearer token and by browser session alike', async () => {
    const provider = await registerAndToken('demote');
    expect((await patchUser(provider.id, { role: 'provider' })).status).toBe(200);
    const cookie = await signInCookie(appUrls()[0] ?? '', provider.email, provider.password);
    expect(await withCookie('/api/v1/earnings', cookie)).toBe(200);
    expect((await api('/api/v1/earnings', { token: provider.token })).status).toBe(200);

    const res = await patchUser(provider.id, { role: 'client' });
    expect(res.status).toBe(200);
    expect(await withCookie('/api/v1/earnings', cookie)).toBe(403);
    expect((await api('/api/v1/earnings', { token: provider.token })).status).toBe(403);
    // Still signed in, as a client.
    expect(await withCookie('/api/v1/me', cookie)).toBe(200);
    expect(await auditRows(provider.id)).toEqual([
      expect.objectContaining({ action: 'user.role_changed', before: { role: 'client' }, after: { role: 'provider' } }),
      expect.objectContaining({ action: 'user.role_changed', before: { role: 'provider' }, after: { role: 'client' } }),
    ]);
  });

  it('makes a user an admin and back', async () => {
    const user = await insertUser('client');
    const { token } = await issueApiToken(user.id);
    expect((await patchUser(user.id, { role: 'admin' })).body.user.role).toBe('admin');
    expect((await api('/api/v1/users', { token })).status).toBe(200);
    expect((await patchUser(user.id, { role: 'client' })).body.user.role).toBe('client');
    expect((await api('/api/v1/users', { token })).status).toBe(403);
  });

  it('refuses an admin changing their own role, with a clear message, and changes nothing', async () => {
    const other = await insertUser('admin');
    const { token } = await issueApiToken(other.id);
    const res = await patchUser(other.id, { role: 'client' }, token);
    expect(res.status).toBe(403);
    expect(expectErrorShape(res.body).error.message).toMatch(/your own role/);
    expect((await userRow(other.id)).role).toBe('admin');
    const off = await patchUser(other.id, { active: false }, token);
    expect(off.status).toBe(403);
    expect((await userRow(other.id)).disabled_at).toBeNull();
    expect(await auditRows(other.id)).toEqual([]);
    // Renaming oneself is allowed.
    expect((await patchUser(other.id, { name: 'Self Renamed' }, token)).status).toBe(200);
  });
});

describe('PATCH /api/v1/users/:id: deactivation', () => {
  it('ends every token and session at once, refuses sign-in, lists upcoming bookings; reactivation lets them sign in again', async () => {
    const user = await registerAndToken('deact');
    const second = await api<{ token: string }>('/api/v1/auth/token', { json: { email: user.email, password: user.password } });
    const cookie = await signInCookie(appUrls()[0] ?? '', user.email, user.password);
    expect(await withCookie('/api/v1/me', cookie)).toBe(200);
    const classId = await makeClass({ capacity: 5, hoursAhead: 48, title: 'Deactivation class' });
    // A booking needs a valid questionnaire: a client made with one books, then is deactivated too.
    const booker = await makeClient();
    const booked = await api<{ booking: { id: string } }>('/api/v1/bookings', { json: { class_id: classId }, token: booker.token });
    expect(booked.status).toBe(201);

    const res = await patchUser(user.id, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ active: false });
    expect(res.body.user.deactivated_at).toEqual(expect.any(String));
    expect(res.body.upcoming_bookings).toEqual([]);
    expect((await api('/api/v1/me', { token: user.token })).status).toBe(401);
    expect((await api('/api/v1/me', { token: second.body.token })).status).toBe(401);
    expect(await withCookie('/api/v1/me', cookie)).toBe(401);
    const signIn = await api<ErrorBody>('/api/v1/auth/token', { json: { email: user.email, password: user.password } });
    expect(signIn.status).toBe(401);
    const [live] = await testSql()`select count(*)::int as n from api_tokens where user_id = ${user.id} and revoked_at is null`;
    expect(live?.n).toBe(0);

    const bookerOff = await patchUser(booker.id, { active: false });
    expect(bookerOff.body.upcoming_bookings.map((b) => b.id)).toEqual([booked.body.booking.id]);
    expect((await api('/api/v1/me', { token: booker.token })).status).toBe(401);

    // Deactivating again changes nothing and adds no audit row.
    expect((await patchUser(user.id, { active: false })).status).toBe(200);

    const on = await patchUser(user.id, { active: true });
    expect(on.body.user).toMatchObject({ active: true, deactivated_at: null });
    expect((await api('/api/v1/auth/token', { json: { email: user.email, password: user.password } })).status).toBe(201);
    // Sessions ended at deactivation stay ended.
    expect((await api('/api/v1/me', { token: user.token })).status).toBe(401);

    const rows = await auditRows(user.id);
    expect(rows.map((r) => r.action)).toEqual(['user.deactivated', 'user.reactivated']);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, before: { active: true }, after: { active: false } });
    expect(rows[1]).toMatchObject({ before: { active: false }, after: { active: true } });
  });

  it('renames, audited with before and after; a bad name is 400 with the field', async () => {
    const user = await insertUser('client', 'Old Name');
    const res = await patchUser(user.id, { name: '  New Name ' });
    expect(res.body.user.name).toBe('New Name');
    expect(await auditRows(user.id)).toEqual([expect.objectContaining({ action: 'user.renamed', before: { name: 'Old Name' }, after: { name: 'New Name' } })]);
    for (const [json, field] of [
      [{ name: '' }, 'name'],
      [{ role: 'owner' }, 'role'],
      [{ active: 'no' }, 'active'],
      [{ email: 'x@example.test' }, 'email'],
      [{}, '_'],
    ] as const) {
      const bad = await patchUser(user.id, json);
      expect(bad.status, JSON.stringify(json)).toBe(400);
      expect(expectErrorShape(bad.body).error.fields?.[field], JSON.stringify(json)).toBeTruthy();
    }
    expect((await patchUser('00000000-0000-4000-8000-000000000000', { name: 'X' })).status).toBe(404);
    expect((await patchUser('not-an-id', { name: 'X' })).status).toBe(404);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or deactivated: 409, and nothing changes', async () => {
    const only = await insertUser('admin', 'Only Admin');
    const { token } = await issueApiToken(only.id);
    await withOnlyAdmins([only.id], async () => {
      const before = await userRow(only.id);
      for (const json of [{ role: 'client' }, { role: 'provider' }, { active: false }, { role: 'client', name: 'Renamed Too' }]) {
        const res = await patchUser(only.id, json, token);
        expect(res.status, JSON.stringify(json)).toBe(409);
        expect(expectErrorShape(res.body).error.code).toBe('conflict');
      }
      expect(await userRow(only.id)).toEqual(before);
      expect(await auditRows(only.id)).toEqual([]);
      expect((await api('/api/v1/users', { token })).status).toBe(200);
    });
  });

  it('two admins demoting each other at once: one wins, the other is 409, one admin is left', async () => {
    const a = await insertUser('admin', 'Admin A');
    const b = await insertUser('admin', 'Admin B');
    const ta = (await issueApiToken(a.id)).token;
    const tb = (await issueApiToken(b.id)).token;
    await withOnlyAdmins([a.id, b.id], async () => {
      const servers = appUrls().length;
      let calls: Promise<[{ status: number }, { status: number }]> | undefined;
      // Both rows are held while the two requests arrive, so both changes are under way at once when they are let go.
      await testSql().begin(async (tx) => {
        await tx`select id from users where id in (${a.id}, ${b.id}) for update`;
        calls = Promise.all([
          api(`/api/v1/users/${b.id}`, { method: 'PATCH', json: { role: 'client' }, token: ta, server: 0 }),
          api(`/api/v1/users/${a.id}`, { method: 'PATCH', json: { active: false }, token: tb, server: 1 % servers }),
        ]);
        await new Promise((resolve) => setTimeout(resolve, 500));
      });
      const [ra, rb] = await (calls as NonNullable<typeof calls>);
      // The loser is refused by the last-admin rule (409), or, if the winner committed before it was even let in, as no longer an admin (403).
      const statuses = [ra.status, rb.status];
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409 || s === 403)).toHaveLength(1);
      const [left] = await testSql()`select count(*)::int as n from users where id in (${a.id}, ${b.id}) and role = 'admin' and disabled_at is null`;
      expect(left?.n).toBe(1);
    });
  });
});

describe('who may call', () => {
  it('answers 403 to clients and providers on every route, 401 without a session', async () => {
    const client = await makeClient('none');
    const provider = await insertUser('provider');
    const providerToken = (await issueApiToken(provider.id)).token;
    const target = await insertUser('client', 'Untouched');
    for (const token of [client.token, providerToken]) {
      expect((await api('/api/v1/users', { token })).status).toBe(403);
      expect((await api(`/api/v1/users/${target.id}`, { method: 'PATCH', json: { role: 'admin' }, token })).status).toBe(403);
      expect((await api(`/api/v1/users/${client.id}`, { method: 'PATCH', json: { role: 'admin' }, token })).status).toBe(403);
    }
    expect((await api('/api/v1/users')).status).toBe(401);
    expect((await api(`/api/v1/users/${target.id}`, { method: 'PATCH', json: { role: 'admin' } })).status).toBe(401);
    expect((await userRow(target.id)).role).toBe('client');
    expect((await userRow(client.id)).role).toBe('client');
  });

  it('answers 403 to clients and providers on /admin/users and /admin/settings', async () => {
    const client = await registerAndToken('pages');
    const cookie = await signInCookie(appUrls()[0] ?? '', client.email, client.password);
    expect(await withCookie('/admin/users', cookie)).toBe(403);
    expect(await withCookie('/admin/settings', cookie)).toBe(403);
    expect((await patchUser(client.id, { role: 'provider' })).status).toBe(200);
    expect(await withCookie('/admin/users', cookie)).toBe(403);
    expect(await withCookie('/admin/settings', cookie)).toBe(403);
  });
});

afterAll(async () => {
  // The demo admin stays an active admin whatever happened above.
  await testSql()`update users set role = 'admin', disabled_at = null where id = ${admin.id}`;
});
