import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, insertProvider, registerAndToken, testSql, tokenFor } from './fixtures';

interface Slot {
  starts_at: string;
  ends_at: string;
}
interface ClassOut {
  id: string;
  starts_at: string;
  ends_at: string;
  seats_left: number;
  capacity: number;
  series_id: string | null;
  price: { amount: number; currency: string };
  provider: { id: string; name: string; headline: string };
}

const classBody = (over: Record<string, unknown> = {}) => ({
  title: 'Test flow',
  starts_at: '2027-03-14T09:00:00Z',
  duration_minutes: 60,
  capacity: 10,
  price: { amount: 1200, currency: 'gbp' },
  location: 'Studio A, 12 Mill Lane',
  ...over,
});

let admin: string;
let maya: string;
let mayaId: string;
let tomId: string;

beforeAll(async () => {
  admin = (await tokenFor('admin@wellbook.test')).token;
  maya = (await tokenFor('maya@wellbook.test')).token;
  const providers = await api<{ providers: { id: string; name: string }[] }>('/api/v1/providers');
  mayaId = providers.body.providers.find((p) => p.name === 'Maya Patel')!.id;
  tomId = providers.body.providers.find((p) => p.name === 'Tom Okafor')!.id;
});

describe('session types, availability and slots', () => {
  let provider: { id: string; token: string };
  let typeId: string;
  const slotsUrl = (from: string, to: string, type = typeId, who = provider.id) =>
    `/api/v1/providers/${who}/slots?session_type_id=${type}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const byDay = (slots: Slot[]) => {
    const days: Record<string, string[]> = {};
    for (const s of slots) (days[s.starts_at.slice(0, 10)] ??= []).push(s.starts_at.slice(11, 16));
    return days;
  };

  beforeAll(async () => {
    // A fresh practitioner of our own, so this file never changes the demo data others rely on.
    provider = await insertProvider({ timeZone: 'America/New_York' });
    const created = await api<{ session_type: { id: string; fee_bps: number; price: unknown; deposit: unknown } }>('/api/v1/session-types', {
      token: provider.token,
      json: { name: 'Private yoga', duration_minutes: 60, buffer_minutes: 15, price: { amount: 5500, currency: 'GBP' }, deposit_amount: 1000 },
    });
    expect(created.status).toBe(201);
    expect(created.body.session_type).toMatchObject({ fee_bps: 1500, price: { amount: 5500, currency: 'gbp' }, deposit: { amount: 1000, currency: 'gbp' } });
    typeId = created.body.session_type.id;
    // The provider moves to London and opens Sundays and Mondays 09:00-12:00 there.
    const put = await api('/api/v1/availability', {
      method: 'PUT',
      token: provider.token,
      json: { time_zone: 'Europe/London', rules: [{ weekday: 7, start: '09:00', end: '12:00' }, { weekday: 1, start: '09:00', end: '12:00' }] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ time_zone: 'Europe/London', rules: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 7, start: '09:00', end: '12:00' }] });
  });

  it('lists the new session type on the public provider', async () => {
    const res = await api<{ provider: { time_zone: string; session_types: { id: string; duration_minutes: number }[] } }>(`/api/v1/providers/${provider.id}`);
    expect(res.status).toBe(200);
    expect(res.body.provider.time_zone).toBe('Europe/London');
    expect(res.body.provider.session_types).toEqual([expect.objectContaining({ id: typeId, duration_minutes: 60 })]);
  });

  it('keeps 09:00 local on both sides of the spring-forward change (week of 2027-03-28)', async () => {
    const res = await api<{ time_zone: string; slots: Slot[] }>(slotsUrl('2027-03-21T00:00:00Z', '2027-03-30T00:00:00Z'));
    expect(res.status).toBe(200);
    expect(res.body.time_zone).toBe('Europe/London');
    // 60 minutes + a 15-minute break must fit before 12:00: starts 09:00-10:30 local.
    expect(byDay(res.body.slots)).toEqual({
      '2027-03-21': ['09:00', '09:30', '10:00', '10:30'],
      '2027-03-22': ['09:00', '09:30', '10:00', '10:30'],
      '2027-03-28': ['08:00', '08:30', '09:00', '09:30'],
      '2027-03-29': ['08:00', '08:30', '09:00', '09:30'],
    });
    expect(res.body.slots[0]).toEqual({ starts_at: '2027-03-21T09:00:00.000Z', ends_at: '2027-03-21T10:00:00.000Z' });
  });

  it('applies date exceptions: a day off, other hours, and removal', async () => {
    const off = await api<{ exception: { id: string } }>('/api/v1/availability/exceptions', { token: provider.token, json: { date: '2027-03-22', note: 'Holiday' } });
    expect(off.status).toBe(201);
    const other = await api<{ exception: { id: string } }>('/api/v1/availability/exceptions', { token: provider.token, json: { date: '2027-03-29', start: '14:00', end: '16:00' } });
    expect(other.status).toBe(201);
    const res = await api<{ slots: Slot[] }>(slotsUrl('2027-03-22T00:00:00Z', '2027-03-30T00:00:00Z'));
    expect(byDay(res.body.slots)).toEqual({ '2027-03-28': ['08:00', '08:30', '09:00', '09:30'], '2027-03-29': ['13:00', '13:30'] });
    const list = await api<{ exceptions: { date: string; start: string | null }[] }>('/api/v1/availability/exceptions?from=2027-03-01', { token: provider.token });
    expect(list.body.exceptions).toEqual([
      expect.objectContaining({ date: '2027-03-22', start: null, end: null, note: 'Holiday' }),
      expect.objectContaining({ date: '2027-03-29', start: '14:00', end: '16:00' }),
    ]);
    expect((await api(`/api/v1/availability/exceptions/${off.body.exception.id}`, { method: 'DELETE', token: maya })).status).toBe(404);
    expect((await api(`/api/v1/availability/exceptions/${off.body.exception.id}`, { method: 'DELETE', token: provider.token })).status).toBe(204);
    expect((await api(`/api/v1/availability/exceptions/${other.body.exception.id}`, { method: 'DELETE', token: provider.token })).status).toBe(204);
    const after = await api<{ slots: Slot[] }>(slotsUrl('2027-03-22T00:00:00Z', '2027-03-23T00:00:00Z'));
    expect(after.body.slots).toHaveLength(4);
  });

  it('leaves out time taken by a class the provider teaches and by an active 1:1 booking (buffer included)', async () => {
    const cls = await api('/api/v1/classes', { token: provider.token, json: classBody({ starts_at: '2027-03-21T10:00:00Z', duration_minutes: 30 }) });
    expect(cls.status).toBe(201);
    const { id: clientId } = await registerAndToken('client');
    // A confirmed 09:00-10:00 booking on Monday 22nd whose 15-minute buffer holds the time until 10:15.
    await testSql()`
      insert into bookings (kind, client_id, provider_id, session_type_id, starts_at, ends_at, blocked_range, status, price_amount, amount_due, currency, fee_bps, fee_amount)
      values ('session', ${clientId}, ${provider.id}, ${typeId}, '2027-03-22T09:00:00Z', '2027-03-22T10:00:00Z',
              tstzrange('2027-03-22T09:00:00Z', '2027-03-22T10:15:00Z', '[)'), 'confirmed', 5500, 5500, 'gbp', 1500, 825)`;
    const res = await api<{ slots: Slot[] }>(slotsUrl('2027-03-21T00:00:00Z', '2027-03-23T00:00:00Z'));
    expect(byDay(res.body.slots)).toEqual({ '2027-03-21': ['10:30'], '2027-03-22': ['10:30'] });
    // A cancelled booking frees its time again.
    await testSql()`update bookings set status = 'cancelled' where provider_id = ${provider.id}`;
    const freed = await api<{ slots: Slot[] }>(slotsUrl('2027-03-22T00:00:00Z', '2027-03-23T00:00:00Z'));
    expect(byDay(freed.body.slots)).toEqual({ '2027-03-22': ['09:00', '09:30', '10:00', '10:30'] });
  });

  it('deactivates a session type: it leaves the public list and has no slots', async () => {
    const other = await api<{ session_type: { id: string } }>('/api/v1/session-types', {
      token: provider.token,
      json: { name: 'Short', duration_minutes: 30, price: { amount: 0 } },
    });
    expect(other.status).toBe(201);
    const patch = await api<{ session_type: { active: boolean } }>(`/api/v1/session-types/${other.body.session_type.id}`, { method: 'PATCH', token: provider.token, json: { active: false } });
    expect(patch.status).toBe(200);
    expect(patch.body.session_type.active).toBe(false);
    const pub = await api<{ provider: { session_types: { id: string }[] } }>(`/api/v1/providers/${provider.id}`);
    expect(pub.body.provider.session_types.map((t) => t.id)).toEqual([typeId]);
    expect((await api(slotsUrl('2027-03-21T00:00:00Z', '2027-03-22T00:00:00Z', other.body.session_type.id))).status).toBe(404);
    const mine = await api<{ session_types: unknown[] }>('/api/v1/session-types', { token: provider.token });
    expect(mine.body.session_types).toHaveLength(2);
  });

  it('answers bad slot queries with 4xx, never 500', async () => {
    const mayaType = (await api<{ provider: { session_types: { id: string }[] } }>(`/api/v1/providers/${mayaId}`)).body.provider.session_types[0]!.id;
    // A session type of another provider, an unknown one, an unknown provider.
    expect((await api(slotsUrl('2027-03-21T00:00:00Z', '2027-03-22T00:00:00Z', mayaType))).status).toBe(404);
    expect((await api(slotsUrl('2027-03-21T00:00:00Z', '2027-03-22T00:00:00Z', randomUUID()))).status).toBe(404);
    expect((await api(slotsUrl('2027-03-21T00:00:00Z', '2027-03-22T00:00:00Z', typeId, randomUUID()))).status).toBe(404);
    // Malformed: a path id is 404, a query id is 400.
    expect((await api(slotsUrl('2027-03-21T00:00:00Z', '2027-03-22T00:00:00Z', typeId, 'not-a-uuid'))).status).toBe(404);
    const badType = await api(slotsUrl('2027-03-21T00:00:00Z', '2027-03-22T00:00:00Z', 'abc'));
    expect(badType.status).toBe(400);
    expect(badType.body).toMatchObject({ error: { code: 'validation_failed', fields: { session_type_id: expect.any(Array) } } });
    // Longer than 62 days, an empty range, a non-date.
    const long = await api(slotsUrl('2027-01-01T00:00:00Z', '2027-03-05T00:00:00Z'));
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ error: { fields: { to: expect.any(Array) } } });
    expect((await api(slotsUrl('2027-03-22T00:00:00Z', '2027-03-21T00:00:00Z'))).status).toBe(400);
    expect((await api(slotsUrl('yesterday', '2027-03-21T00:00:00Z'))).status).toBe(400);
    expect((await api(`/api/v1/providers/${provider.id}/slots`)).status).toBe(400);
  });

  it('validates availability: overlapping hours, bad zones and times are 400', async () => {
    const cases = [
      { rules: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }] },
      { time_zone: 'Mars/Olympus', rules: [] },
      { rules: [{ weekday: 8, start: '09:00', end: '12:00' }] },
      { rules: [{ weekday: 1, start: '12:00', end: '09:00' }] },
      { rules: [{ weekday: 1, start: '25:00', end: '26:00' }] },
      { rules: 'always' },
    ];
    for (const json of cases) {
      const res = await api('/api/v1/availability', { method: 'PUT', token: provider.token, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
    expect((await api('/api/v1/availability/exceptions', { token: provider.token, json: { date: '2027-02-30' } })).status).toBe(400);
    expect((await api('/api/v1/availability/exceptions', { token: provider.token, json: { date: '2027-03-01', start: '10:00' } })).status).toBe(400);
    expect((await api('/api/v1/availability/exceptions/not-a-uuid', { method: 'DELETE', token: provider.token })).status).toBe(404);
    // Nothing changed.
    const get = await api<{ rules: unknown[] }>('/api/v1/availability', { token: provider.token });
    expect(get.body.rules).toHaveLength(2);
  });

  it('validates session types and keeps them to their provider', async () => {
    const bad = [
      { name: '', duration_minutes: 60, price: { amount: 100 } },
      { name: 'X', duration_minutes: 4, price: { amount: 100 } },
      { name: 'X', duration_minutes: 60, price: { amount: -1 } },
      { name: 'X', duration_minutes: 60, price: { amount: 10.5 } },
      { name: 'X', duration_minutes: 60, price: { amount: 100 }, deposit_amount: 200 },
      { name: 'X', duration_minutes: 60, price: { amount: 100 }, deposit_amount: 0 },
      { name: 'X', duration_minutes: 60, buffer_minutes: 241, price: { amount: 100 } },
      { name: 'X', duration_minutes: 60, price: { amount: 100, currency: 'pounds' } },
      { name: 'X', duration_minutes: 60, price: { amount: 100 }, colour: 'red' },
    ];
    for (const json of bad) expect((await api('/api/v1/session-types', { token: provider.token, json })).status, JSON.stringify(json)).toBe(400);
    // The platform fee is the platform's: a practitioner may not set it, an admin may.
    expect((await api('/api/v1/session-types', { token: provider.token, json: { name: 'X', duration_minutes: 60, price: { amount: 100 }, fee_bps: 0 } })).status).toBe(403);
    const byAdmin = await api<{ session_type: { fee_bps: number; provider_id: string } }>('/api/v1/session-types', {
      token: admin,
      json: { provider_id: provider.id, name: 'Admin made', duration_minutes: 30, price: { amount: 100 }, fee_bps: 1000 },
    });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.session_type).toMatchObject({ fee_bps: 1000, provider_id: provider.id });
    expect((await api('/api/v1/session-types', { token: admin, json: { name: 'X', duration_minutes: 30, price: { amount: 1 } } })).status).toBe(400);
    expect((await api('/api/v1/session-types', { token: admin, json: { provider_id: randomUUID(), name: 'X', duration_minutes: 30, price: { amount: 1 } } })).status).toBe(404);
    // Another provider's session type reads as unknown; malformed ids too.
    expect((await api(`/api/v1/session-types/${typeId}`, { method: 'PATCH', token: maya, json: { name: 'Mine now' } })).status).toBe(404);
    expect((await api('/api/v1/session-types/nope', { method: 'PATCH', token: provider.token, json: { name: 'Y' } })).status).toBe(404);
    const client = await registerAndToken('client');
    expect((await api('/api/v1/session-types', { token: client.token })).status).toBe(403);
    expect((await api('/api/v1/availability')).status).toBe(401);
  });
});

describe('classes', () => {
  it('repeats a weekly series across a clock change at the same local time', async () => {
    const provider = await insertProvider({ timeZone: 'Europe/London' });
    const res = await api<{ classes: ClassOut[] }>('/api/v1/classes', {
      token: provider.token,
      json: classBody({ starts_at: '2027-03-14T09:00:00+00:00', repeat: { weeks: 4 }, price: { amount: 0 } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.classes.map((c) => c.starts_at)).toEqual([
      '2027-03-14T09:00:00.000Z',
      '2027-03-21T09:00:00.000Z',
      '2027-03-28T08:00:00.000Z',
      '2027-04-04T08:00:00.000Z',
    ]);
    const series = new Set(res.body.classes.map((c) => c.series_id));
    expect(series.size).toBe(1);
    expect([...series][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.classes[0]).toMatchObject({ seats_left: 10, capacity: 10, price: { amount: 0, currency: 'gbp' }, provider: { id: provider.id, headline: 'Test teacher' } });
    const one = await api<{ class: ClassOut }>(`/api/v1/classes/${res.body.classes[2]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body.class.ends_at).toBe('2027-03-28T09:00:00.000Z');
  });

  it('lets an admin schedule for any provider; a provider only for themselves; clients not at all', async () => {
    const byAdmin = await api<{ classes: ClassOut[] }>('/api/v1/classes', { token: admin, json: classBody({ provider_id: tomId, title: 'Admin scheduled' }) });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.classes[0]!.provider.id).toBe(tomId);
    expect((await api('/api/v1/classes', { token: maya, json: classBody({ provider_id: tomId }) })).status).toBe(403);
    const client = await registerAndToken('client');
    expect((await api('/api/v1/classes', { token: client.token, json: classBody() })).status).toBe(403);
    expect((await api('/api/v1/classes', { json: classBody() })).status).toBe(401);
    expect((await api('/api/v1/classes', { token: admin, json: classBody({ provider_id: randomUUID() }) })).status).toBe(404);
    // A client's id is not a provider's.
    expect((await api('/api/v1/classes', { token: admin, json: classBody({ provider_id: client.id }) })).status).toBe(404);
    expect((await api('/api/v1/classes', { token: admin, json: classBody() })).status).toBe(400);
  });

  it('refuses bad classes with 400 and a field message', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ starts_at: '2020-01-01T09:00:00Z' }, 'starts_at'],
      [{ starts_at: '2027-03-14T09:00:00' }, 'starts_at'],
      [{ starts_at: 'soon' }, 'starts_at'],
      // 30 February is not rolled into March.
      [{ starts_at: '2027-02-30T09:00:00Z' }, 'starts_at'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 1001 }, 'capacity'],
      [{ duration_minutes: 481 }, 'duration_minutes'],
      [{ price: { amount: -5 } }, 'price.amount'],
      // Shillings are paid by M-Pesa: whole shillings, at most KES 250,000.
      [{ price: { amount: 150_050, currency: 'kes' } }, 'price.amount'],
      [{ price: { amount: 25_000_100, currency: 'kes' } }, 'price.amount'],
      [{ location: null, online_url: null }, 'location'],
      [{ location: null, online_url: 'ftp://files.example/x' }, 'online_url'],
      [{ repeat: { weeks: 53 } }, 'repeat.weeks'],
      [{ title: '' }, 'title'],
      [{ provider_id: 'maya' }, 'provider_id'],
    ];
    for (const [over, field] of cases) {
      const res = await api<{ error: { code: string; fields: Record<string, string[]> } }>('/api/v1/classes', { token: maya, json: classBody(over) });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields), JSON.stringify(over)).toContain(field);
    }
    expect((await api('/api/v1/classes', { token: maya, json: classBody({ fee_bps: 0 }) })).status).toBe(403);
    expect((await api('/api/v1/classes', { token: maya, rawBody: '{', contentType: 'application/json' })).status).toBe(400);
  });

  it('lists classes with seats_left, and answers unknown or malformed ids with 404', async () => {
    const created = await api<{ classes: ClassOut[] }>('/api/v1/classes', {
      token: maya,
      json: classBody({ starts_at: '2027-06-01T17:00:00+01:00', capacity: 5, title: 'Seats test', location: null, online_url: 'https://meet.example/seats' }),
    });
    expect(created.status).toBe(201);
    const id = created.body.classes[0]!.id;
    await testSql()`update classes set seats_taken = 2 where id = ${id}`;
    const list = await api<{ classes: ClassOut[] }>(`/api/v1/classes?from=2027-06-01T00:00:00Z&to=2027-06-02T00:00:00Z&provider_id=${mayaId}`);
    expect(list.status).toBe(200);
    expect(list.body.classes.find((c) => c.id === id)).toMatchObject({ seats_left: 3, capacity: 5, starts_at: '2027-06-01T16:00:00.000Z', provider: { id: mayaId, name: 'Maya Patel' } });
    expect((await api(`/api/v1/classes/${randomUUID()}`)).status).toBe(404);
    expect((await api('/api/v1/classes/not-a-uuid')).status).toBe(404);
    expect((await api("/api/v1/classes/1'%20or%201=1")).status).toBe(404);
    expect((await api('/api/v1/providers/not-a-uuid')).status).toBe(404);
    expect((await api(`/api/v1/providers/${randomUUID()}`)).status).toBe(404);
    expect((await api('/api/v1/classes?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z')).status).toBe(400);
    expect((await api('/api/v1/classes?provider_id=x')).status).toBe(400);
  });

  it('shows the demo fortnight by default: 25+ seeded classes, free ones and both capacity extremes', async () => {
    const res = await api<{ classes: ClassOut[] }>('/api/v1/classes');
    expect(res.status).toBe(200);
    const seeded = res.body.classes.filter((c) => [mayaId, tomId].includes(c.provider.id));
    expect(seeded.length).toBeGreaterThanOrEqual(25);
    expect(seeded.filter((c) => c.price.amount === 0).length).toBeGreaterThanOrEqual(3);
    expect(seeded.some((c) => c.capacity === 1)).toBe(true);
    expect(seeded.some((c) => c.capacity === 20)).toBe(true);
    for (const c of res.body.classes) expect(c.seats_left).toBeGreaterThanOrEqual(0);
  });

  it('lists providers with their active session types and prices', async () => {
    const res = await api<{ providers: { name: string; time_zone: string; session_types: { name: string; price: { amount: number; currency: string }; deposit: unknown }[] }[] }>('/api/v1/providers');
    expect(res.status).toBe(200);
    const sam = res.body.providers.find((p) => p.name === 'Sam Rivera')!;
    expect(sam.time_zone).toBe('America/New_York');
    expect(sam.session_types.map((t) => t.price)).toEqual([
      { amount: 3000, currency: 'usd' },
      { amount: 5000, currency: 'usd' },
    ]);
    const mayaOut = res.body.providers.find((p) => p.name === 'Maya Patel')!;
    expect(mayaOut.session_types.find((t) => t.name === 'Yoga therapy consult')?.deposit).toEqual({ amount: 1000, currency: 'gbp' });
  });
});
