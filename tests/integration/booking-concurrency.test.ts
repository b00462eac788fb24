import { describe, expect, it } from 'vitest';
import { activeBookingsInClass, api, appUrls, futureHour, makeClass, makeClients, makeProvider, testSql, type BookingBody, type ErrorBody } from './fixtures';

describe('capacity under real concurrent requests', () => {
  for (const servers of [1, 2]) {
    it(`100 clients for the last 5 seats -> exactly 5 bookings and 95 clean 409s (${servers} app process${servers > 1 ? 'es' : ''})`, async () => {
      expect(appUrls().length).toBeGreaterThanOrEqual(servers);
      const classId = await makeClass({ capacity: 20, seatsTaken: 15 });
      const clients = await makeClients(100);
      const results = await Promise.all(
        clients.map((c, i) => api<BookingBody & Partial<ErrorBody>>('/api/v1/bookings', { json: { class_id: classId }, token: c.token, server: i % servers })),
      );
      const created = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      expect(created).toHaveLength(5);
      expect(refused).toHaveLength(95);
      for (const r of refused) expect(r.body).toMatchObject({ error: { code: 'class_full', message: expect.any(String) } });
      expect(await activeBookingsInClass(classId)).toEqual({ active: 5 + 0, seatsTaken: 20 });
    });

    it(`50 requests for overlapping 1:1 slots of one provider -> exactly 1 (${servers} app process${servers > 1 ? 'es' : ''})`, async () => {
      const provider = await makeProvider({ durationMinutes: 90 });
      const clients = await makeClients(50);
      // 10:00, 10:30 and 11:00 for 90 minutes: every pair overlaps.
      const starts = [0, 30, 60].map((m) => new Date(futureHour(3).getTime() + m * 60_000).toISOString());
      const results = await Promise.all(
        clients.map((c, i) =>
          api<Partial<ErrorBody>>('/api/v1/bookings', {
            json: { session_type_id: provider.sessionTypeId, provider_id: provider.id, starts_at: starts[i % 3] },
            token: c.token,
            server: i % servers,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused).toHaveLength(49);
      for (const r of refused) {
        expect(r.status).toBe(409);
        expect(r.body).toMatchObject({ error: { code: 'slot_taken' } });
      }
      const [row] = await testSql()`select count(*)::int as n from bookings where provider_id = ${provider.id} and status in ('pending_payment','confirmed','in_progress')`;
      expect(row?.n).toBe(1);
    });
  }

  it('one client sending the same booking 10 times at once gets one booking', async () => {
    const classId = await makeClass({ capacity: 10 });
    const [client] = await makeClients(1);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api<BookingBody & Partial<ErrorBody>>('/api/v1/bookings', { json: { class_id: classId }, token: client?.token, server: i % 2 })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error?.code === 'already_booked')).toBe(true);
    // Every one of the ten answers is the booking or a clean refusal: a 500 (or any other status) fails here.
    const answers = results.map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body.error?.code ?? JSON.stringify(r.body)}`));
    expect(answers.sort()).toEqual(['201', ...Array<string>(9).fill('409 already_booked')]);
    expect(await activeBookingsInClass(classId)).toEqual({ active: 1, seatsTaken: 1 });
  });
});
