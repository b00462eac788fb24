import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { settingDefaults } from '@/lib/settings/defaults';
import { signInCookie } from '../../scripts/lib/sign-in';
import { adminUser, api, appUrls, expectErrorShape, insertProvider, insertUser, makeClass, makeClient, testSql, type ErrorBody } from './fixtures';

/** Settings for admins (issue 14 part 3): GET/PATCH /api/v1/settings, over HTTP against the real stack. */

type Setting = { key: string; label: string; description: string; value: string | number; default: string | number; input: { type: string; min?: number; max?: number }; updated_at: string | null };
type SettingsBody = { settings: Setting[] };

let admin: { id: string; token: string };
let saved: { key: string; value: unknown }[] = [];

beforeAll(async () => {
  admin = await adminUser();
  saved = await testSql()`select key, value from settings`;
});

afterAll(async () => {
  // Later files find the settings as this one found them.
  await testSql()`delete from settings`;
  for (const row of saved) await testSql()`insert into settings (key, value) values (${row.key}, ${JSON.stringify(row.value)}::jsonb)`;
});

const patch = (json: unknown, token = admin.token) => api<SettingsBody & ErrorBody>('/api/v1/settings', { method: 'PATCH', json, token });
const valueOf = (body: SettingsBody, key: string) => body.settings.find((s) => s.key === key)?.value;

describe('GET /api/v1/settings', () => {
  it('lists every setting the app reads, with its value, default, description and range', async () => {
    const res = await api<SettingsBody>('/api/v1/settings', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.settings.map((s) => s.key).sort()).toEqual(Object.keys(settingDefaults).sort());
    for (const s of res.body.settings) {
      expect(s.description.length, s.key).toBeGreaterThan(10);
      expect(s.default, s.key).toEqual(settingDefaults[s.key as keyof typeof settingDefaults]);
    }
    expect(res.body.settings.find((s) => s.key === 'platform_fee_bps')).toMatchObject({ input: { type: 'integer', min: 0, max: 10_000 } });
  });
});

describe('PATCH /api/v1/settings', () => {
  it('stores a valid change, GET shows it, and each change is audited with before and after', async () => {
    const before = await api<SettingsBody>('/api/v1/settings', { token: admin.token });
    const feeBefore = valueOf(before.body, 'platform_fee_bps');
    const fee = feeBefore === 1234 ? 1235 : 1234;
    const res = await patch({ platform_fee_bps: fee, practice_name: 'Audit Studio', cancellation_window_hours: 12 });
    expect(res.status).toBe(200);
    expect(valueOf(res.body, 'platform_fee_bps')).toBe(fee);
    const after = await api<SettingsBody>('/api/v1/settings', { token: admin.token });
    expect(valueOf(after.body, 'platform_fee_bps')).toBe(fee);
    expect(valueOf(after.body, 'practice_name')).toBe('Audit Studio');
    expect(valueOf(after.body, 'cancellation_window_hours')).toBe(12);
    expect(after.body.settings.find((s) => s.key === 'platform_fee_bps')?.updated_at).toEqual(expect.any(String));

    const [row] = await testSql()`
      select actor_id, actor_role, before, after from audit_log where action = 'setting.changed' and subject_id = 'platform_fee_bps' order by at desc, id desc limit 1`;
    expect(row).toMatchObject({ actor_id: admin.id, actor_role: 'admin', before: { value: feeBefore }, after: { value: fee } });

    // Sending a value it already has changes nothing and adds no row.
    const [{ n: count } = { n: 0 }] = await testSql()`select count(*)::int as n from audit_log where action = 'setting.changed'`;
    expect((await patch({ platform_fee_bps: fee })).status).toBe(200);
    const [{ n: again } = { n: 0 }] = await testSql()`select count(*)::int as n from audit_log where action = 'setting.changed'`;
    expect(again).toBe(count);
  });

  it('a change applies to new classes only: one made before keeps its fee', async () => {
    const provider = await insertProvider();
    const body = (title: string) => ({
      title,
      starts_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      duration_minutes: 60,
      capacity: 5,
      price: { amount: 1000, currency: 'gbp' },
      location: 'Studio S',
    });
    type Made = { classes: { id: string; fee_bps: number }[] };
    expect((await patch({ platform_fee_bps: 2000 })).status).toBe(200);
    const first = await api<Made>('/api/v1/classes', { token: provider.token, json: body('Before the change') });
    expect(first.status).toBe(201);
    expect(first.body.classes[0]?.fee_bps).toBe(2000);
    expect((await patch({ platform_fee_bps: 500 })).status).toBe(200);
    const second = await api<Made>('/api/v1/classes', { token: provider.token, json: body('After the change') });
    expect(second.body.classes[0]?.fee_bps).toBe(500);
    const [kept] = await testSql()`select fee_bps from classes where id = ${first.body.classes[0]?.id ?? ''}`;
    expect(kept?.fee_bps).toBe(2000);
  });

  it('card payments switched off: a priced booking is confirmed unpaid at once; back on, it waits for payment', async () => {
    const client = await makeClient();
    const classId = await makeClass({ capacity: 5, price: 1500, hoursAhead: 96, title: 'Payments switch' });
    expect((await patch({ payments_enabled: false })).status).toBe(200);
    try {
      const off = await api<{ booking: { status: string; payment_status: string }; payment: unknown }>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
      expect(off.status).toBe(201);
      expect(off.body.booking).toMatchObject({ status: 'confirmed', payment_status: 'unpaid' });
      expect(off.body.payment).toBeNull();
    } finally {
      expect((await patch({ payments_enabled: true })).status).toBe(200);
    }
    const other = await makeClient();
    const on = await api<{ booking: { status: string } }>('/api/v1/bookings', { json: { class_id: classId }, token: other.token });
    expect(on.body.booking.status).toBe('pending_payment');
  });

  it('the word for providers names the role on the users page', async () => {
    expect((await patch({ provider_label: 'Coach' })).status).toBe(200);
    try {
      const cookie = await signInCookie(appUrls()[0] ?? '', 'admin@wellbook.test', 'demo-password');
      const res = await fetch(`${appUrls()[0]}/admin/users?role=provider`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('>Coach</');
    } finally {
      expect((await patch({ provider_label: settingDefaults.provider_label })).status).toBe(200);
    }
  });

  it.each([
    ['a fee above 100%', { platform_fee_bps: 10_001 }, 'platform_fee_bps'],
    ['a fractional fee', { platform_fee_bps: 12.5 }, 'platform_fee_bps'],
    ['a hold of 0 minutes', { hold_minutes: 0 }, 'hold_minutes'],
    ['a negative window', { cancellation_window_hours: -1 }, 'cancellation_window_hours'],
    ['a number as text', { reminder_hours: '24' }, 'reminder_hours'],
    ['an unknown checkout', { checkout_mode: 'paypal' }, 'checkout_mode'],
    ['a made-up zone', { platform_time_zone: 'Mars/Base' }, 'platform_time_zone'],
    ['an upper-case currency', { default_currency: 'GBP' }, 'default_currency'],
    ['card payments as text', { payments_enabled: 'off' }, 'payments_enabled'],
    ['an unknown setting', { tea_time: 16 }, 'tea_time'],
    ['an empty body', {}, '_'],
  ] as const)('refuses %s with 400 naming the field, and changes nothing', async (_label, json, field) => {
    const before = await api<SettingsBody>('/api/v1/settings', { token: admin.token });
    const res = await patch({ ...json, ...(field === '_' ? {} : { practice_name: 'Should Not Stick' }) });
    expect(res.status).toBe(400);
    expect(expectErrorShape(res.body).error.fields?.[field]?.length).toBeGreaterThan(0);
    const after = await api<SettingsBody>('/api/v1/settings', { token: admin.token });
    expect(after.body).toEqual(before.body);
  });
});

describe('who may call', () => {
  it('answers 403 to clients and providers, 401 without a session', async () => {
    const client = await makeClient('none');
    const provider = await insertUser('provider');
    const providerToken = (await issueApiToken(provider.id)).token;
    for (const token of [client.token, providerToken]) {
      expect((await api('/api/v1/settings', { token })).status).toBe(403);
      expect((await patch({ hold_minutes: 5 }, token)).status).toBe(403);
    }
    expect((await api('/api/v1/settings')).status).toBe(401);
    expect((await api('/api/v1/settings', { method: 'PATCH', json: { hold_minutes: 5 } })).status).toBe(401);
  });
});
