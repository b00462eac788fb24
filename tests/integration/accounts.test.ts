import { describe, expect, it } from 'vitest';
import { submitQuestionnaire } from '@/lib/questionnaire/submit';
import { allNoAnswers, api, appUrls, expectErrorShape, insertUser, makeClass, mailTo, registerAndToken, testSql, uniqueEmail, type ErrorBody } from './fixtures';

/** Profile, password change, forgotten password, export and deletion, over HTTP against the real stack. */

type Me = { user: { id: string; name: string; email: string; phone: string | null; time_zone: string | null } };

const RESET_LINK = /\/reset-password\?token=(rst_[A-Za-z0-9_-]+)/;

async function resetTokenFromMail(email: string): Promise<string> {
  const [mail] = await mailTo(email);
  const token = RESET_LINK.exec(mail?.text ?? '')?.[1];
  expect(token, 'the e-mail links to /reset-password?token=').toBeTruthy();
  return token as string;
}

describe('PATCH /api/v1/me', () => {
  it('saves name, phone (as digits) and an IANA zone, and GET /api/v1/me answers them', async () => {
    const { token } = await registerAndToken('profile');
    const res = await api<Me>('/api/v1/me', { method: 'PATCH', json: { name: ' Ada Client ', phone: '+44 (20) 7946-0000', time_zone: 'America/New_York' }, token });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'Ada Client', phone: '442079460000', time_zone: 'America/New_York' });
    expect((await api<Me>('/api/v1/me', { token })).body.user).toMatchObject({ phone: '442079460000', time_zone: 'America/New_York' });

    const cleared = await api<Me>('/api/v1/me', { method: 'PATCH', json: { time_zone: null, phone: null }, token });
    expect(cleared.body.user).toMatchObject({ name: 'Ada Client', phone: null, time_zone: null });
  });

  it.each([
    ['a zone that is not IANA', { time_zone: 'GMT+5' }, 'time_zone'],
    ['a made-up zone', { time_zone: 'Mars/Olympus_Mons' }, 'time_zone'],
    ['letters in the phone', { phone: 'call me' }, 'phone'],
    ['too few digits', { phone: '12345' }, 'phone'],
    ['an empty name', { name: '   ' }, 'name'],
  ] as const)('refuses %s with 400 and a field error', async (_label, json, field) => {
    const { token } = await registerAndToken('badprofile');
    const res = await api<ErrorBody>('/api/v1/me', { method: 'PATCH', json, token });
    expect(res.status).toBe(400);
    expect(expectErrorShape(res.body).error.fields?.[field]?.length).toBeGreaterThan(0);
  });

  it('answers 401 without a token', async () => {
    expect((await api('/api/v1/me', { method: 'PATCH', json: { name: 'X' } })).status).toBe(401);
  });
});

describe('POST /api/v1/me/password', () => {
  it('refuses a wrong current password with a field error, and a short new one by the sign-up rule', async () => {
    const { token } = await registerAndToken('pwbad');
    const wrong = await api<ErrorBody>('/api/v1/me/password', { json: { current_password: 'not-it-at-all', new_password: 'a-new-password-1' }, token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields?.current_password).toBeTruthy();
    expect((await api('/api/v1/me', { token })).status).toBe(200);
  });

  it('changes the password and ends every bearer token and browser session of the user', async () => {
    const { token, email, password, id } = await registerAndToken('pwchange');
    const short = await api<ErrorBody>('/api/v1/me/password', { json: { current_password: password, new_password: 'short' }, token });
    expect(short.status).toBe(400);
    expect(short.body.error.fields?.new_password).toBeTruthy();

    const res = await api('/api/v1/me/password', { json: { current_password: password, new_password: 'a-brand-new-password' }, token });
    expect(res.status).toBe(204);
    expect((await api('/api/v1/me', { token })).status).toBe(401);
    const [row] = await testSql()`select session_epoch from users where id = ${id}`;
    expect(row?.session_epoch).toBe(1);
    expect((await api('/api/v1/auth/token', { json: { email, password } })).status).toBe(401);
    expect((await api('/api/v1/auth/token', { json: { email, password: 'a-brand-new-password' } })).status).toBe(201);
  });
});

describe('forgotten password', () => {
  it('answers 202 with the same body for an unknown address, and sends no mail', async () => {
    const { email } = await registerAndToken('known');
    const ghost = uniqueEmail('ghost');
    const unknown = await api('/api/v1/auth/password-reset', { json: { email: ghost } });
    const known = await api('/api/v1/auth/password-reset', { json: { email } });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    await mailTo(email);
    const [queued] = await testSql()`select count(*)::int as n from outbox_messages where recipient = ${ghost}`;
    expect(queued?.n).toBe(0);
  });

  it('mails a link whose token works once, ends every session, and stores only its SHA-256', async () => {
    const { email, token: bearer, id } = await registerAndToken('reset');
    expect((await api('/api/v1/auth/password-reset', { json: { email: email.toUpperCase() } })).status).toBe(202);
    const token = await resetTokenFromMail(email);

    const [row] = await testSql()`select token_hash, expires_at - created_at as ttl from password_reset_tokens where user_id = ${id}`;
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toContain(token);
    const [outbox] = await testSql()`select data::text as data from outbox_messages where recipient = ${email} and template = 'password_reset'`;
    expect(outbox?.data).not.toContain(token);

    const ok = await api('/api/v1/auth/password-reset/confirm', { json: { token, password: 'reset-password-1' } });
    expect(ok.status).toBe(204);
    expect((await api('/api/v1/me', { token: bearer })).status).toBe(401);
    expect((await api('/api/v1/auth/token', { json: { email, password: 'reset-password-1' } })).status).toBe(201);

    const again = await api<ErrorBody>('/api/v1/auth/password-reset/confirm', { json: { token, password: 'reset-password-2' } });
    expect(again.status).toBe(400);
    expect(again.body.error.fields?.token).toBeTruthy();
  });

  it('refuses a token after its hour', async () => {
    const { email, id } = await registerAndToken('expired');
    await api('/api/v1/auth/password-reset', { json: { email } });
    const token = await resetTokenFromMail(email);
    const [ttl] = await testSql()`select extract(epoch from expires_at - created_at)::int as s from password_reset_tokens where user_id = ${id}`;
    expect(ttl?.s).toBe(3600);
    await testSql()`update password_reset_tokens set expires_at = now() - interval '1 second' where user_id = ${id}`;
    const res = await api<ErrorBody>('/api/v1/auth/password-reset/confirm', { json: { token, password: 'too-late-password' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.token).toBeTruthy();
  });

  it('limits requests per address, the same for an unknown one', async () => {
    for (const email of [uniqueEmail('flood'), (await registerAndToken('flood')).email]) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await api('/api/v1/auth/password-reset', { json: { email } })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
    }
  });
});

async function clientWithQuestionnaire() {
  const user = await registerAndToken('data');
  await submitQuestionnaire(user.id, { answers: allNoAnswers(), emergency_contact: { name: 'Grace Contact', phone: '+44 20 7946 0001', relationship: 'Sister' }, consent: true });
  return user;
}

describe('GET /api/v1/me/export', () => {
  it('is a JSON download with the questionnaire decrypted and no secrets', async () => {
    const { token } = await clientWithQuestionnaire();
    const res = await fetch(`${appUrls()[0]}/api/v1/me/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="wellbook-export-/);
    const text = await res.text();
    const body = JSON.parse(text) as { profile: { email: string }; questionnaire: { current: { emergency_contact: { name: string }; answers: Record<string, boolean> } }; bookings: unknown[]; mail: unknown[] };
    expect(body.questionnaire.current.emergency_contact.name).toBe('Grace Contact');
    expect(Object.values(body.questionnaire.current.answers).every((a) => a === false)).toBe(true);
    expect(Array.isArray(body.bookings)).toBe(true);
    expect(text).not.toMatch(/encrypted|password|token_hash|v1\.[A-Za-z0-9_-]{16}\./);
  });
});

describe('DELETE /api/v1/me', () => {
  it('erases personal and health data, ends every session, and keeps payments', async () => {
    const { token, email, password, id } = await clientWithQuestionnaire();
    await api('/api/v1/me', { method: 'PATCH', json: { phone: '+1 212 555 0100', time_zone: 'Europe/Paris' }, token });
    const paymentId = `pi_acct_${id.slice(0, 8)}`;
    await testSql()`
      insert into payments (id, payable_type, payable_id, user_id, amount, currency, status, fee_bps, fee_amount, provider_amount)
      values (${paymentId}, 'booking', gen_random_uuid(), ${id}, 1500, 'gbp', 'succeeded', 1500, 225, 1275)`;

    const wrong = await api<ErrorBody>('/api/v1/me', { method: 'DELETE', json: { password: 'not-my-password' }, token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields?.password).toBeTruthy();

    expect((await api('/api/v1/me', { method: 'DELETE', json: { password }, token })).status).toBe(204);
    const [user] = await testSql()`select name, email, phone, time_zone, deleted_at, session_epoch from users where id = ${id}`;
    expect(user).toMatchObject({ name: 'Deleted user', email: `deleted-${id}@invalid`, phone: null, time_zone: null, session_epoch: 1 });
    expect(user?.deleted_at).not.toBeNull();
    const [q] = await testSql()`select count(*)::int as n from questionnaires where user_id = ${id}`;
    expect(q?.n).toBe(0);
    const [p] = await testSql()`select user_id, amount from payments where id = ${paymentId}`;
    expect(p).toMatchObject({ user_id: id, amount: 1500 });
    expect((await api('/api/v1/me', { token })).status).toBe(401);
    expect((await api('/api/v1/auth/token', { json: { email, password } })).status).toBe(401);
  });

  it('refuses with 409 while the client has an upcoming booking', async () => {
    const { token, password } = await clientWithQuestionnaire();
    const classId = await makeClass({ capacity: 5 });
    expect((await api('/api/v1/bookings', { json: { class_id: classId }, token })).status).toBe(201);
    const res = await api<ErrorBody>('/api/v1/me', { method: 'DELETE', json: { password }, token });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/upcoming bookings/);
    expect((await api('/api/v1/me', { token })).status).toBe(200);
  });

  it('refuses the last active admin with 409', async () => {
    const { token, password, id } = await registerAndToken('lastadmin');
    await testSql()`update users set role = 'admin' where id = ${id}`;
    // For the length of one call this admin is the only one: the others are disabled, then restored.
    const others = await testSql()`update users set disabled_at = now() where role = 'admin' and disabled_at is null and deleted_at is null and id <> ${id} returning id`;
    let status: number;
    try {
      status = (await api('/api/v1/me', { method: 'DELETE', json: { password }, token })).status;
    } finally {
      await testSql()`update users set disabled_at = null where id = any(${others.map((o) => o.id as string)}::uuid[])`;
    }
    expect(status).toBe(409);
    const [row] = await testSql()`select deleted_at from users where id = ${id}`;
    expect(row?.deleted_at).toBeNull();
    // With another admin there, the same admin may go.
    await insertUser('admin');
    expect((await api('/api/v1/me', { method: 'DELETE', json: { password }, token })).status).toBe(204);
  });
});
