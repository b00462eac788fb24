import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { decryptJson, keyFromBase64 } from '@/lib/crypto/field-encryption';
import { assertCanBook, bookingEligibility } from '@/lib/questionnaire/eligibility';
import { api, appUrls, makeClass, moveClock, registerAndToken, testSql, tokenFor, userIdOf } from './fixtures';
import { TEST_QUESTIONNAIRE_KEY } from '../support/test-keys';

const DAY = 86_400_000;
const QUESTION_IDS = ['heart_condition', 'chest_pain', 'dizziness', 'chronic_condition', 'medication', 'bone_joint', 'supervised_activity'];

interface Status {
  id: string | null;
  state: string;
  completed_at: string | null;
  expires_at: string | null;
  valid_for_booking: boolean;
  requires_clearance: boolean;
  cleared_at: string | null;
  due_for_renewal: boolean;
  days_until_expiry: number | null;
  answers?: Record<string, boolean> | null;
  emergency_contact?: { name: string; phone: string; relationship: string } | null;
}

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

function answers(yes: string[] = []): Record<string, boolean> {
  return Object.fromEntries(QUESTION_IDS.map((id) => [id, yes.includes(id)]));
}

function body(options: { yes?: string[]; contactName?: string } = {}) {
  return {
    answers: answers(options.yes),
    emergency_contact: { name: options.contactName ?? 'Orla Emergency', phone: '+44 7700 900123', relationship: 'Sister' },
    consent: true,
  };
}

async function submit(token: string, json: unknown = body(), server = 0) {
  return api<Status>('/api/v1/questionnaire', { method: 'PUT', json, token, server });
}

/**
 * Makes the provider one of the client's providers the way it happens for real:
 * the client (whose questionnaire must be valid now) books a free class of
 * theirs through POST /api/v1/bookings. Only the class itself is set up in SQL.
 */
async function bookWithProvider(providerEmail: string, client: { token: string }): Promise<void> {
  const providerId = await userIdOf(providerEmail);
  const classId = await makeClass({ capacity: 5, providerId, hoursAhead: (3 + Math.random() * 30) * 24, title: 'Questionnaire test class' });
  const res = await api('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
}

async function rowsFor(id: string) {
  return testSql()`
    select id, answers_encrypted, clearance_note_encrypted, requires_clearance, completed_at, expires_at, superseded_at, cleared_at, cleared_by
    from questionnaires where user_id = ${id} order by completed_at, created_at`;
}

afterAll(async () => {
  await closeDb();
});

describe('GET /api/v1/questionnaire/questions', () => {
  it('lists the seven PAR-Q style medical questions, the emergency contact fields and the consent text', async () => {
    const res = await api<{
      version: number;
      questions: { id: string; text: string; medical: boolean }[];
      emergency_contact_fields: { id: string; required: boolean }[];
      consent_text: string;
    }>('/api/v1/questionnaire/questions');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.questions.map((q) => q.id)).toEqual(QUESTION_IDS);
    expect(res.body.questions.every((q) => q.medical && q.text.endsWith('?'))).toBe(true);
    expect(res.body.emergency_contact_fields.map((f) => f.id)).toEqual(['name', 'phone', 'relationship']);
    expect(res.body.emergency_contact_fields.every((f) => f.required)).toBe(true);
    expect(res.body.consent_text).toMatch(/^I confirm these answers are true and consent to/);
  });
});

describe('completing and renewing', () => {
  it('reports a missing questionnaire before the first one', async () => {
    const client = await registerAndToken('q-missing');
    const res = await api<Status>('/api/v1/questionnaire', { token: client.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: null,
      state: 'missing',
      completed_at: null,
      expires_at: null,
      valid_for_booking: false,
      requires_clearance: false,
      answers: null,
      emergency_contact: null,
    });
  });

  it('makes an all-"no" questionnaire valid for booking for 365 days', async () => {
    const client = await registerAndToken('q-valid');
    const res = await submit(client.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'valid', valid_for_booking: true, requires_clearance: false, cleared_at: null, due_for_renewal: false });
    const completed = new Date(res.body.completed_at ?? '').getTime();
    expect(Math.abs(completed - Date.now())).toBeLessThan(60_000);
    expect(new Date(res.body.expires_at ?? '').getTime() - completed).toBe(365 * DAY);
    expect(res.body.days_until_expiry).toBe(365);

    // The other server sees the same, and the client reads back their own answers.
    const again = await api<Status>('/api/v1/questionnaire', { token: client.token, server: 1 });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: res.body.id, state: 'valid', valid_for_booking: true, answers: answers() });
    expect(again.body.emergency_contact).toEqual({ name: 'Orla Emergency', phone: '+44 7700 900123', relationship: 'Sister' });
  });

  it('flags a "yes" to a medical question: requires clearance, not valid for booking', async () => {
    const client = await registerAndToken('q-flag');
    const res = await submit(client.token, body({ yes: ['chest_pain'] }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'needs_clearance', valid_for_booking: false, requires_clearance: true, cleared_at: null });
  });

  it('keeps history on renewal: two rows, the older superseded, the newer current', async () => {
    const client = await registerAndToken('q-renew');
    const first = await submit(client.token, body({ yes: ['medication'] }));
    expect(first.body.state).toBe('needs_clearance');
    const second = await submit(client.token, body(), 1);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ state: 'valid', valid_for_booking: true });
    expect(second.body.id).not.toBe(first.body.id);

    const rows = await rowsFor(client.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.id).toBe(first.body.id);
    expect(rows[0]?.superseded_at).not.toBeNull();
    expect(rows[1]?.id).toBe(second.body.id);
    expect(rows[1]?.superseded_at).toBeNull();
  });

  it('leaves exactly one current questionnaire after concurrent submissions', async () => {
    const client = await registerAndToken('q-race');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(client.token, body(), i % 2)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const rows = await rowsFor(client.id);
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.superseded_at === null)).toHaveLength(1);
  });

  it('is for clients only', async () => {
    expect((await api('/api/v1/questionnaire')).status).toBe(401);
    expect((await api('/api/v1/questionnaire', { method: 'PUT', json: body() })).status).toBe(401);
    const provider = (await tokenFor('maya@wellbook.test')).token;
    expect((await submit(provider)).status).toBe(403);
  });
});

describe('encryption at rest', () => {
  it('stores no plaintext answers, contact or note, and what it stores decrypts to the data', async () => {
    const client = await registerAndToken('q-crypt');
    const contactName = `Ximena Quarterfield ${randomUUID().slice(0, 4)}`;
    const res = await submit(client.token, body({ yes: ['heart_condition'], contactName }));
    expect(res.status).toBe(200);
    const admin = (await tokenFor('admin@wellbook.test')).token;
    const note = `Spoke with GP, fine to train ${randomUUID().slice(0, 4)}`;
    const cleared = await api(`/api/v1/questionnaires/${res.body.id}/clear`, { json: { note }, token: admin });
    expect(cleared.status).toBe(200);

    const [row] = await rowsFor(client.id);
    const stored = `${row?.answers_encrypted as string} ${row?.clearance_note_encrypted as string}`;
    const questions = await api<{ questions: { text: string }[] }>('/api/v1/questionnaire/questions');
    const needles = [
      ...questions.body.questions.map((q) => q.text),
      ...QUESTION_IDS,
      'true',
      'false',
      '"answers"',
      contactName,
      'Ximena',
      'Quarterfield',
      '900123',
      'Sister',
      note,
      'consent',
    ];
    for (const needle of needles) expect(stored).not.toContain(needle);
    expect(row?.answers_encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row?.clearance_note_encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);

    const key = keyFromBase64(TEST_QUESTIONNAIRE_KEY);
    expect(decryptJson(row?.answers_encrypted as string, client.id, key)).toEqual({
      answers: answers(['heart_condition']),
      emergency_contact: { name: contactName, phone: '+44 7700 900123', relationship: 'Sister' },
      consent_text: expect.stringMatching(/^I confirm these answers are true and consent to/),
      question_set_version: 1,
    });
    expect(decryptJson(row?.clearance_note_encrypted as string, client.id, key)).toEqual({ note });
    // Bound to its user: the same ciphertext does not decrypt as anyone else's.
    expect(() => decryptJson(row?.answers_encrypted as string, randomUUID(), key)).toThrow();
  });

  it('never writes answers, contacts or notes to the logs', async () => {
    const { readFileSync } = await import('node:fs');
    const { inject } = await import('vitest');
    const log = readFileSync(inject('appLogFile'), 'utf8');
    expect(log).not.toContain('Ximena');
    expect(log).not.toContain('Orla Emergency');
    expect(log).not.toContain('Spoke with GP');
    expect(log).toContain('questionnaire submitted');
  });
});

describe('bad bodies', () => {
  const { medication: _dropped, ...missingOne } = answers();
  const cases: [string, () => Parameters<typeof api>[1], number, string[]][] = [
    ['a missing answer', () => ({ json: { ...body(), answers: missingOne } }), 400, ['answers.medication']],
    ['an extra question id', () => ({ json: { ...body(), answers: { ...answers(), smoker: false } } }), 400, ['answers.smoker']],
    ['consent false', () => ({ json: { ...body(), consent: false } }), 400, ['consent']],
    ['no consent', () => ({ json: { answers: answers(), emergency_contact: body().emergency_contact } }), 400, ['consent']],
    ['answers as strings', () => ({ json: { ...body(), answers: { ...answers(), heart_condition: 'no' } } }), 400, ['answers.heart_condition']],
    ['answers as a list', () => ({ json: { ...body(), answers: [false, false] } }), 400, ['answers']],
    ['a numeric contact', () => ({ json: { ...body(), emergency_contact: 5 } }), 400, ['emergency_contact']],
    ['a missing contact phone', () => ({ json: { ...body(), emergency_contact: { name: 'A', relationship: 'B' } } }), 400, ['emergency_contact.phone']],
    ['a blank contact name', () => ({ json: { ...body(), emergency_contact: { ...body().emergency_contact, name: '   ' } } }), 400, ['emergency_contact.name']],
    ['a phone without digits', () => ({ json: { ...body(), emergency_contact: { ...body().emergency_contact, phone: 'call me' } } }), 400, ['emergency_contact.phone']],
    ['an unknown top-level field', () => ({ json: { ...body(), requires_clearance: false } }), 400, ['requires_clearance']],
    ['a 1 kB relationship', () => ({ json: { ...body(), emergency_contact: { ...body().emergency_contact, relationship: 'r'.repeat(1000) } } }), 400, ['emergency_contact.relationship']],
    ['a 100 kB contact name', () => ({ json: { ...body(), emergency_contact: { ...body().emergency_contact, name: 'x'.repeat(100_000) } } }), 413, []],
    ['bad JSON', () => ({ rawBody: '{"answers":', contentType: 'application/json' }), 400, []],
    ['a form-encoded body', () => ({ rawBody: 'consent=true', contentType: 'application/x-www-form-urlencoded' }), 415, []],
  ];

  it.each(cases)('answers %s with a clear 4xx naming the fields, and stores nothing', async (_label, options, status, fields) => {
    const client = await registerAndToken('q-bad');
    const res = await api<ErrorBody>('/api/v1/questionnaire', { method: 'PUT', token: client.token, ...options() });
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    for (const field of fields) expect(res.body.error.fields?.[field], `fields.${field}`).toEqual(expect.any(Array));
    expect(await rowsFor(client.id)).toHaveLength(0);
  });
});

describe('reading and clearing', () => {
  it('lets an admin read a client questionnaire (decrypted) with history dates, and clear it with a note', async () => {
    const client = await registerAndToken('q-admin');
    await submit(client.token, body());
    const flagged = await submit(client.token, body({ yes: ['dizziness', 'bone_joint'] }));
    const admin = (await tokenFor('admin@wellbook.test')).token;

    const view = await api<{
      client: { id: string; email: string };
      status: Status;
      current: { id: string; answers: Record<string, boolean>; emergency_contact: { name: string }; clearance_note: string | null };
      history: { id: string; superseded_at: string | null; completed_at: string }[];
    }>(`/api/v1/clients/${client.id}/questionnaire`, { token: admin });
    expect(view.status).toBe(200);
    expect(view.body.client).toMatchObject({ id: client.id, email: client.email });
    expect(view.body.status.state).toBe('needs_clearance');
    expect(view.body.current.id).toBe(flagged.body.id);
    expect(view.body.current.answers).toEqual(answers(['dizziness', 'bone_joint']));
    expect(view.body.current.emergency_contact.name).toBe('Orla Emergency');
    expect(view.body.history).toHaveLength(2);
    expect(view.body.history[0]).toMatchObject({ id: flagged.body.id, superseded_at: null });
    expect(view.body.history[1]?.superseded_at).not.toBeNull();
    expect(Object.keys(view.body.history[0] ?? {})).not.toContain('answers');

    const url = `/api/v1/questionnaires/${flagged.body.id}/clear`;
    const noNote = await api<ErrorBody>(url, { json: {}, token: admin });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields?.note).toEqual(expect.any(Array));
    const blankNote = await api<ErrorBody>(url, { json: { note: '   ' }, token: admin });
    expect(blankNote.status).toBe(400);
    const longNote = await api<ErrorBody>(url, { json: { note: 'n'.repeat(1001) }, token: admin });
    expect(longNote.status).toBe(400);

    const cleared = await api<Status>(url, { json: { note: 'Reviewed with the client; light activity only.' }, token: admin, server: 1 });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ state: 'valid', valid_for_booking: true, requires_clearance: true, cleared_at: expect.any(String) });
    const own = await api<Status>('/api/v1/questionnaire', { token: client.token });
    expect(own.body).toMatchObject({ valid_for_booking: true, cleared_at: cleared.body.cleared_at });

    const again = await api<ErrorBody>(url, { json: { note: 'again' }, token: admin });
    expect(again.status).toBe(409);
    // The superseded one cannot be cleared either.
    const old = await api<ErrorBody>(`/api/v1/questionnaires/${view.body.history[1]?.id}/clear`, { json: { note: 'old' }, token: admin });
    expect(old.status).toBe(409);
    const [row] = (await rowsFor(client.id)).filter((r) => r.id === flagged.body.id);
    expect(row?.cleared_by).toBe(await userIdOf('admin@wellbook.test'));
  });

  it('refuses to clear a questionnaire that needs no clearance', async () => {
    const client = await registerAndToken('q-noflag');
    const res = await submit(client.token, body());
    const admin = (await tokenFor('admin@wellbook.test')).token;
    expect((await api(`/api/v1/questionnaires/${res.body.id}/clear`, { json: { note: 'n/a' }, token: admin })).status).toBe(409);
  });

  it('lets a provider the client booked with read and clear; other providers get 404', async () => {
    const client = await registerAndToken('q-prov');
    // Booked while valid; renewed later with a "yes", which flags it again.
    await submit(client.token, body());
    await bookWithProvider('maya@wellbook.test', client);
    const flagged = await submit(client.token, body({ yes: ['supervised_activity'] }));
    expect(flagged.body.state).toBe('needs_clearance');
    const maya = (await tokenFor('maya@wellbook.test')).token;
    const tom = (await tokenFor('tom@wellbook.test')).token;
    const url = `/api/v1/questionnaires/${flagged.body.id}/clear`;

    expect((await api(`/api/v1/clients/${client.id}/questionnaire`, { token: tom })).status).toBe(404);
    const tomClear = await api<ErrorBody>(url, { json: { note: 'I am not their provider' }, token: tom });
    expect(tomClear.status).toBe(404);
    expect(tomClear.body.error.code).toBe('not_found');

    const mayaView = await api<{ current: { answers: Record<string, boolean> } }>(`/api/v1/clients/${client.id}/questionnaire`, { token: maya });
    expect(mayaView.status).toBe(200);
    expect(mayaView.body.current.answers.supervised_activity).toBe(true);

    const cleared = await api<Status>(url, { json: { note: 'Cleared after a call with the client.' }, token: maya });
    expect(cleared.status).toBe(200);
    expect(cleared.body.valid_for_booking).toBe(true);
    expect((await rowsFor(client.id)).find((r) => r.id === flagged.body.id)?.cleared_by).toBe(await userIdOf('maya@wellbook.test'));
  });

  it('does not let a client clear their own questionnaire, nor see or clear another client’s', async () => {
    const client = await registerAndToken('q-self');
    const other = await registerAndToken('q-other');
    const flagged = await submit(client.token, body({ yes: ['heart_condition'] }));
    const url = `/api/v1/questionnaires/${flagged.body.id}/clear`;

    const own = await api<ErrorBody>(url, { json: { note: 'I am fine, honestly' }, token: client.token });
    expect([403, 404]).toContain(own.status);
    expect((await api(url, { json: { note: 'let them book' }, token: other.token })).status).toBe(404);
    expect((await api(`/api/v1/clients/${client.id}/questionnaire`, { token: other.token })).status).toBe(404);
    // A client may read their own through the same endpoint.
    expect((await api(`/api/v1/clients/${client.id}/questionnaire`, { token: client.token })).status).toBe(200);
    expect((await rowsFor(client.id))[0]?.cleared_at).toBeNull();
  });

  it('answers 404 for unknown or malformed ids', async () => {
    const admin = (await tokenFor('admin@wellbook.test')).token;
    expect((await api(`/api/v1/clients/${randomUUID()}/questionnaire`, { token: admin })).status).toBe(404);
    expect((await api('/api/v1/clients/not-a-uuid/questionnaire', { token: admin })).status).toBe(404);
    expect((await api(`/api/v1/questionnaires/${randomUUID()}/clear`, { json: { note: 'x' }, token: admin })).status).toBe(404);
    expect((await api('/api/v1/questionnaires/1%27%20or%201=1/clear', { json: { note: 'x' }, token: admin })).status).toBe(404);
    // A provider's or admin's own id is not a client's questionnaire.
    expect((await api(`/api/v1/clients/${await userIdOf('maya@wellbook.test')}/questionnaire`, { token: admin })).status).toBe(404);
  });
});

describe('GET /api/v1/questionnaires', () => {
  it('lists flagged, uncleared questionnaires without answers: all for admins, their own clients for providers', async () => {
    const mine = await registerAndToken('q-list-mine');
    const notMine = await registerAndToken('q-list-other');
    const valid = await registerAndToken('q-list-valid');
    await submit(mine.token, body());
    await bookWithProvider('sam@wellbook.test', mine);
    const mineQ = await submit(mine.token, body({ yes: ['chronic_condition'] }));
    const otherQ = await submit(notMine.token, body({ yes: ['chronic_condition'] }));
    await submit(valid.token, body());
    await bookWithProvider('sam@wellbook.test', valid);

    const admin = (await tokenFor('admin@wellbook.test')).token;
    const all: { id: string; client: { id: string; email: string; name: string }; state: string; completed_at: string }[] = [];
    for (let page = 1; page < 50; page++) {
      const res = await api<{ questionnaires: typeof all; total: number; page: number; page_size: number }>(
        `/api/v1/questionnaires?state=needs_clearance&page=${page}&page_size=100`,
        { token: admin },
      );
      expect(res.status).toBe(200);
      all.push(...res.body.questionnaires);
      if (all.length >= res.body.total) break;
    }
    const ids = all.map((q) => q.id);
    expect(ids).toContain(mineQ.body.id);
    expect(ids).toContain(otherQ.body.id);
    expect(all.every((q) => q.state === 'needs_clearance')).toBe(true);
    expect(all.find((q) => q.id === mineQ.body.id)).toMatchObject({ client: { id: mine.id, email: mine.email, name: 'Test User' } });
    expect(JSON.stringify(all)).not.toMatch(/answers|emergency|Orla/);

    const sam = (await tokenFor('sam@wellbook.test')).token;
    const samList = await api<{ questionnaires: { id: string }[]; total: number }>('/api/v1/questionnaires', { token: sam });
    expect(samList.status).toBe(200);
    expect(samList.body.questionnaires.map((q) => q.id)).toEqual([mineQ.body.id]);
    // Every current questionnaire of Sam's clients (the demo clients' too), none of anyone else's.
    const samAll = await api<{ questionnaires: { client: { id: string } }[] }>('/api/v1/questionnaires?state=all&page_size=100', { token: sam });
    const samClients = samAll.body.questionnaires.map((q) => q.client.id);
    expect(samClients).toEqual(expect.arrayContaining([mine.id, valid.id]));
    expect(samClients).not.toContain(notMine.id);

    expect((await api('/api/v1/questionnaires', { token: mine.token })).status).toBe(403);
    expect((await api('/api/v1/questionnaires')).status).toBe(401);
    expect((await api('/api/v1/questionnaires?state=bogus', { token: admin })).status).toBe(400);
    expect((await api('/api/v1/questionnaires?page=0', { token: admin })).status).toBe(400);
  });
});

describe('expiry and renewal window (app clock moved on every server)', () => {
  it('reports due for renewal within 30 days, and expired after 365 days', async () => {
    const client = await registerAndToken('q-expire');
    await submit(client.token);
    try {
      await moveClock(340 * DAY);
      // Tokens expire by the app clock too: a fresh one is issued at the moved time.
      const soon = await api<{ token: string }>('/api/v1/auth/token', { json: { email: client.email, password: client.password } });
      expect(soon.status).toBe(201);
      const due = await api<Status>('/api/v1/questionnaire', { token: soon.body.token, server: 1 });
      expect(due.status).toBe(200);
      expect(due.body).toMatchObject({ state: 'valid', valid_for_booking: true, due_for_renewal: true, days_until_expiry: 25 });

      await moveClock(366 * DAY);
      const res = await api<{ token: string }>('/api/v1/auth/token', { json: { email: client.email, password: client.password } });
      expect(res.status).toBe(201);
      for (let server = 0; server < appUrls().length; server++) {
        const expired = await api<Status>('/api/v1/questionnaire', { token: res.body.token, server });
        expect(expired.status).toBe(200);
        expect(expired.body).toMatchObject({ state: 'expired', valid_for_booking: false, due_for_renewal: true, days_until_expiry: 0 });
      }
      // Renewing at the moved time makes it valid again for a year from then.
      const renewed = await submit(res.body.token);
      expect(renewed.body).toMatchObject({ state: 'valid', valid_for_booking: true });
      expect(new Date(renewed.body.completed_at ?? '').getTime() - Date.now()).toBeGreaterThan(365 * DAY);
    } finally {
      await moveClock(0);
    }
  });
});

describe('bookingEligibility (in-process)', () => {
  it('is questionnaire_required when missing or expired, needs clearance when flagged, ok when valid or cleared', async () => {
    const client = await registerAndToken('q-elig');
    expect(await bookingEligibility(client.id)).toBe('questionnaire_required');
    await expect(assertCanBook(client.id)).rejects.toMatchObject({ code: 'questionnaire_required', status: 422 });

    await submit(client.token);
    expect(await bookingEligibility(client.id)).toBe('ok');
    await expect(assertCanBook(client.id)).resolves.toBeUndefined();
    expect(await bookingEligibility(client.id, new Date(Date.now() + 366 * DAY))).toBe('questionnaire_required');
    expect(await bookingEligibility(client.id, new Date(Date.now() + 364 * DAY))).toBe('ok');

    const flagged = await submit(client.token, body({ yes: ['heart_condition'] }));
    expect(await bookingEligibility(client.id)).toBe('questionnaire_needs_clearance');
    await expect(assertCanBook(client.id)).rejects.toMatchObject({ code: 'questionnaire_needs_clearance', status: 422 });
    // Expiry comes first: an expired flagged questionnaire must be renewed.
    expect(await bookingEligibility(client.id, new Date(Date.now() + 366 * DAY))).toBe('questionnaire_required');

    const admin = (await tokenFor('admin@wellbook.test')).token;
    expect((await api(`/api/v1/questionnaires/${flagged.body.id}/clear`, { json: { note: 'ok' }, token: admin })).status).toBe(200);
    expect(await bookingEligibility(client.id)).toBe('ok');
  });
});
