import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed';
import { signInCookie } from '../../scripts/lib/sign-in';
import { api, appUrls, makeClass, makeClient, registerAndToken } from './fixtures';

/**
 * A page for a record that does not exist, or is not the visitor's, answers
 * 404 with the not-found page (issue 16: they answered 200, because a loading
 * skeleton above them had sent the status before the page looked the record up).
 */
async function page(path: string, cookie?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${appUrls()[0]}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
}

async function expectNotFound(path: string, cookie?: string): Promise<void> {
  const res = await page(path, cookie);
  expect(res.status, path).toBe(404);
  expect(res.text, path).toContain('Page not found');
}

describe('pages by id', () => {
  it('another client’s booking, an unknown one and a malformed id are 404 pages for a client; their own is 200', async () => {
    const base = appUrls()[0]!;
    const owner = await makeClient();
    const classId = await makeClass({ capacity: 5 });
    const booked = await api<{ booking: { id: string } }>('/api/v1/bookings', { json: { class_id: classId }, token: owner.token });
    expect(booked.status).toBe(201);
    const bookingId = booked.body.booking.id;
    const other = await registerAndToken('other');
    const cookie = await signInCookie(base, other.email, other.password);
    for (const id of [bookingId, randomUUID(), 'not-a-uuid']) {
      for (const suffix of ['', '/pay', '/paid', '/receipt']) await expectNotFound(`/account/bookings/${id}${suffix}`, cookie);
    }
    await expectNotFound(`/account/credits/purchases/${randomUUID()}`, cookie);
    await expectNotFound(`/account/payments/pi_unknown/mpesa`, cookie);
    await expectNotFound(`/packages/${randomUUID()}/buy`, cookie);
    // The lists and the client's own booking are still pages.
    for (const path of ['/account', '/account/bookings', '/account/payments', '/account/credits', '/account/profile']) expect((await page(path, cookie)).status, path).toBe(200);
    // The same booking is a page for an admin.
    const admin = await signInCookie(base, 'admin@wellbook.test', DEMO_PASSWORD);
    expect((await page(`/admin/bookings/${bookingId}`, admin)).status).toBe(200);
  });

  it('unknown classes and practitioners on the schedule are 404 pages for anyone', async () => {
    for (const path of [`/schedule/classes/${randomUUID()}`, `/schedule/providers/${randomUUID()}`, `/schedule/providers/${randomUUID()}/book`, '/schedule/classes/x']) await expectNotFound(path);
  });

  it('unknown records in the admin and practitioner pages are 404 pages', async () => {
    const base = appUrls()[0]!;
    const admin = await signInCookie(base, 'admin@wellbook.test', DEMO_PASSWORD);
    for (const path of [`/admin/bookings/${randomUUID()}`, `/admin/mail/${randomUUID()}`, `/admin/webhooks/${randomUUID()}`, `/admin/credits/${randomUUID()}`, `/admin/payments/pi_unknown`, `/admin/questionnaires/${randomUUID()}`]) {
      await expectNotFound(path, admin);
    }
    for (const path of ['/admin', '/admin/bookings', '/admin/users', '/admin/mail']) expect((await page(path, admin)).status, path).toBe(200);
    const provider = await signInCookie(base, 'maya@wellbook.test', DEMO_PASSWORD);
    for (const path of [`/provider/classes/${randomUUID()}`, '/provider/payments/pi_unknown', `/provider/clients/${randomUUID()}/questionnaire`]) await expectNotFound(path, provider);
  });
});
