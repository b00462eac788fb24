import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/stack';
import { makeClass, makeClient } from './fixtures';

describe('PAYMENTS_ENABLED=false', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({ databaseUrl: inject('databaseUrl'), env: { PAYMENTS_ENABLED: 'false' } });
  });
  afterAll(() => server.stop());

  it('confirms a priced booking at once, with nothing to pay', async () => {
    const client = await makeClient();
    const classId = await makeClass({ capacity: 5, price: 1500 });
    const res = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.token}` },
      body: JSON.stringify({ class_id: classId }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { booking: { status: string; hold_expires_at: string | null }; payment: unknown };
    expect(body.booking).toMatchObject({ status: 'confirmed', hold_expires_at: null });
    expect(body.payment).toBeNull();
  });
});
