import { readFileSync } from 'node:fs';
import ical from 'node-ical';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import {
  adminUser,
  allNoAnswers,
  api,
  bookingOf,
  caughtMail,
  emulatorControl,
  emulatorStripe,
  makeClass,
  makeClient,
  mailTo,
  paymentRow,
  postWebhook,
  signedEvent,
  smtpControl,
  testSql,
  waitFor,
  workerPid,
  type BookingBody,
  type CaughtMessage,
  type Payment,
  type TestUser,
} from './fixtures';

type VEvent = { type: string; uid: string; start: Date; sequence?: string | number; summary?: string };

function eventsOf(icsText: string): VEvent[] {
  return Object.values(ical.sync.parseICS(icsText)).filter((c) => (c as { type?: string }).type === 'VEVENT') as unknown as VEvent[];
}

function icsOf(message: CaughtMessage) {
  const attachment = message.attachments.find((a) => a.filename.endsWith('.ics'));
  expect(attachment, `an .ics on "${message.subject}"`).toBeTruthy();
  return attachment!.content;
}

const confirmationsTo = async (email: string) => (await caughtMail()).filter((m) => m.to.includes(email) && /confirmed/i.test(m.subject));

async function bookAndPay(options: { hoursAhead?: number } = {}) {
  const client = await makeClient();
  const classId = await makeClass({ capacity: 5, price: 2000, title: `Mail class ${Math.random().toString(36).slice(2, 7)}`, hoursAhead: options.hoursAhead ?? 72 });
  const res = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
  expect(res.status).toBe(201);
  const payment = res.body.payment as Payment;
  return { client, classId, bookingId: res.body.booking.id, payment };
}

describe('e-mail', () => {
  it('a paid class sends one confirmation with an .ics of the booking, even when its webhook comes five times to two servers', async () => {
    const { client, classId, bookingId, payment } = await bookAndPay();
    await emulatorStripe().paymentIntents.confirm(payment.payment_intent_id, { payment_method: 'pm_card_visa' });
    await waitFor(() => bookingOf(bookingId, client.token), (b) => b.status === 'confirmed');
    // The same event again, five times, to both servers at once.
    const pi = await emulatorStripe().paymentIntents.retrieve(payment.payment_intent_id);
    const replay = signedEvent('payment_intent.succeeded', pi as unknown as Record<string, unknown>);
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => postWebhook(replay.payload, replay.header, i % 2)));
    for (const a of answers) expect(a.status).toBe(200);
    const [first] = await mailTo(client.email, 1);
    // Give any second copy the time to arrive.
    await new Promise((r) => setTimeout(r, 3_000));
    const confirmations = await confirmationsTo(client.email);
    expect(confirmations).toHaveLength(1);
    const [cls] = await testSql()`select starts_at from classes where id = ${classId}`;
    const [event] = eventsOf(icsOf(confirmations[0]!));
    expect(event?.uid).toBe(`booking-${bookingId}@wellbook`);
    // iCalendar times have whole seconds.
    expect(event?.start.getTime()).toBe(Math.floor((cls?.starts_at as Date).getTime() / 1000) * 1000);
    expect(first).toBeTruthy();
    // One receipt too, with the card.
    const receipts = (await caughtMail()).filter((m) => m.to.includes(client.email) && /receipt/i.test(m.subject));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain('4242');
    expect((await paymentRow(payment.payment_intent_id))?.status).toBe('succeeded');
    // Every link is absolute.
    expect(confirmations[0]!.html).toContain(`${inject('appUrls')[0]}/account/bookings/${bookingId}`);
  });

  it('cancelling sends METHOD:CANCEL with the same UID; a reschedule keeps the UID with a higher SEQUENCE', async () => {
    const client = await makeClient();
    const free = await makeClass({ capacity: 5, price: 0, title: 'Free mail class' });
    const other = await makeClass({ capacity: 5, price: 0, title: 'Free mail class later', hoursAhead: 96 });
    const booked = await api<BookingBody>('/api/v1/bookings', { json: { class_id: free }, token: client.token });
    expect(booked.status).toBe(201);
    const id = booked.body.booking.id;
    const [confirmation] = await mailTo(client.email, 1);
    const [original] = eventsOf(icsOf(confirmation!));
    const moved = await api<{ booking: { id: string } }>(`/api/v1/bookings/${id}/reschedule`, { json: { class_id: other }, token: client.token });
    expect([200, 201]).toContain(moved.status);
    const rescheduled = (await mailTo(client.email, 2)).find((m) => /rescheduled|moved/i.test(m.subject));
    expect(rescheduled).toBeTruthy();
    const [after] = eventsOf(icsOf(rescheduled!));
    expect(after?.uid).toBe(original?.uid);
    expect(Number(after?.sequence)).toBeGreaterThan(Number(original?.sequence ?? 0));
    const cancelled = await api(`/api/v1/bookings/${moved.body.booking.id}/cancel`, { json: { reason: 'Plans changed' }, token: client.token });
    expect(cancelled.status).toBe(200);
    const cancellation = (await mailTo(client.email, 3)).find((m) => /cancel/i.test(m.subject));
    const text = icsOf(cancellation!);
    expect(text).toContain('METHOD:CANCEL');
    const [gone] = eventsOf(text);
    expect(gone?.uid).toBe(original?.uid);
    expect(Number(gone?.sequence)).toBeGreaterThan(Number(after?.sequence));
    const cancellations = (await caughtMail()).filter((m) => m.to.includes(client.email) && /cancel/i.test(m.subject));
    expect(cancellations).toHaveLength(1);
  });

  // Half a minute of outage is many attempts with the test stack's 4 s retry cap; that the real budget (10
  // attempts, up to 600 s apart) outlasts far longer outages is tests/unit/mail-retry.test.ts's to prove.
  it('with the SMTP server down for half a minute while bookings are made, every message arrives after it returns, none twice', async () => {
    await smtpControl({ up: false });
    const clients: TestUser[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        const client = await makeClient();
        const cls = await makeClass({ capacity: 5, price: 0, title: `Outage class ${i}` });
        expect((await api('/api/v1/bookings', { json: { class_id: cls }, token: client.token })).status).toBe(201);
        clients.push(client);
      }
      await new Promise((r) => setTimeout(r, 30_000));
      for (const c of clients) expect(await confirmationsTo(c.email)).toHaveLength(0);
      // Waiting to be retried, or (at this instant) mid-attempt against the dead server: neither sent nor given up.
      const [pending] = await testSql()`select count(*)::int as n, max(attempts)::int as attempts from outbox_messages where recipient = any(${clients.map((c) => c.email)}) and state in ('pending', 'sending')`;
      expect(pending?.n).toBe(4);
      expect(pending?.attempts).toBeGreaterThan(3);
    } finally {
      await smtpControl({ up: true });
    }
    for (const c of clients) await mailTo(c.email, 1, 30_000);
    await new Promise((r) => setTimeout(r, 3_000));
    for (const c of clients) expect(await confirmationsTo(c.email)).toHaveLength(1);
  }, 240_000);

  it('the worker killed with SIGKILL mid-delivery loses no message; a resend after the crash keeps its Message-ID', async () => {
    await smtpControl({ delay_ms: 4_000 });
    const clients: TestUser[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const client = await makeClient();
        const cls = await makeClass({ capacity: 5, price: 0, title: `Kill class ${i}` });
        expect((await api('/api/v1/bookings', { json: { class_id: cls }, token: client.token })).status).toBe(201);
        clients.push(client);
      }
      await waitFor(async () => (await testSql()`select count(*)::int as n from outbox_messages where state = 'sending'`)[0]?.n as number, (n) => n > 0, 20_000);
      process.kill(workerPid(), 'SIGKILL');
    } finally {
      await smtpControl({ delay_ms: 0 });
    }
    for (const c of clients) await mailTo(c.email, 1, 120_000);
    // A message the server accepted just before the kill stays `sending` until the sweep takes it again (60 s): wait for every row to be sent.
    await waitFor(
      async () => (await testSql()`select count(*)::int as n from outbox_messages where recipient = any(${clients.map((c) => c.email)}) and state <> 'sent'`)[0]?.n as number,
      (n) => n === 0,
      150_000,
    );
    for (const c of clients) {
      const copies = await confirmationsTo(c.email);
      expect(copies.length).toBeGreaterThanOrEqual(1);
      // At most a second copy of a message the server had accepted, and then with the same Message-ID.
      expect(new Set(copies.map((m) => m.message_id)).size).toBe(1);
      expect(copies.length).toBeLessThanOrEqual(2);
    }
  }, 300_000);

  it('no e-mail, outbox row or log line holds a questionnaire answer or a clearance note; the flag reaches admins by name only', async () => {
    const client = await makeClient('none');
    const admin = await adminUser();
    const [adminRow] = await testSql()`select email from users where id = ${admin.id}`;
    const secret = 'Contact Heartcondition Nineteen';
    const phone = '+44 7700 900123';
    const answers = allNoAnswers();
    answers[Object.keys(answers)[0] ?? ''] = true;
    const res = await api<{ questionnaire_id?: string }>('/api/v1/questionnaire', {
      method: 'PUT',
      token: client.token,
      json: { answers, emergency_contact: { name: secret, phone, relationship: 'Sibling' }, consent: true },
    });
    expect(res.status).toBe(200);
    const [row] = await waitFor(
      () => testSql()`select message_id from outbox_messages where template = 'questionnaire_flagged' and data->>'client_id' = ${client.id} and recipient = ${adminRow?.email as string} and state = 'sent'`,
      (rows) => rows.length > 0,
    );
    const flagged = (await caughtMail()).filter((m) => m.message_id === row?.message_id);
    expect(flagged[0]?.subject).toMatch(/clearance|flagged|questionnaire/i);
    const [q] = await testSql()`select id from questionnaires where user_id = ${client.id}`;
    const note = 'Cleared after GP letter about arrhythmia';
    expect((await api(`/api/v1/questionnaires/${q?.id}/clear`, { json: { note }, token: admin.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_000));
    const everything =
      JSON.stringify(await caughtMail()) + JSON.stringify(await testSql()`select data, last_error, subject from outbox_messages`) + readFileSync(inject('appLogFile'), 'utf8');
    for (const needle of [secret, phone, note, 'Sibling']) expect(everything).not.toContain(needle);
  });

  it('a calendar feed lists exactly the user’s upcoming bookings and parses as iCalendar; a revoked token gets 404', async () => {
    const client = await makeClient();
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const cls = await makeClass({ capacity: 5, price: 0, title: `Feed class ${i}`, hoursAhead: 30 + i });
      const b = await api<BookingBody>('/api/v1/bookings', { json: { class_id: cls }, token: client.token });
      ids.push(b.body.booking.id);
    }
    const feed = await api<{ url: string }>('/api/v1/me/calendar-feed', { method: 'POST', token: client.token });
    expect(feed.status).toBe(201);
    const path = new URL(feed.body.url).pathname;
    const res = await fetch(`${inject('appUrls')[0]}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const events = eventsOf(await res.text());
    expect(events.map((e) => e.uid).sort()).toEqual(ids.map((id) => `booking-${id}@wellbook`).sort());
    expect((await api('/api/v1/me/calendar-feed', { method: 'DELETE', token: client.token })).status).toBe(200);
    expect((await fetch(`${inject('appUrls')[0]}${path}`)).status).toBe(404);
    // The booking's own entry, for its client only.
    const ics = await fetch(`${inject('appUrls')[0]}/api/v1/bookings/${ids[0]}/calendar.ics`, { headers: { authorization: `Bearer ${client.token}` } });
    expect(ics.status).toBe(200);
    const stranger = await makeClient();
    expect((await fetch(`${inject('appUrls')[0]}/api/v1/bookings/${ids[0]}/calendar.ics`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
  });

  it('one-click unsubscribe needs no sign-in and turns reminders off; transactional mail still goes', async () => {
    const client = await makeClient();
    const cls = await makeClass({ capacity: 5, price: 0, title: 'Unsubscribe class', hoursAhead: 72 });
    await api('/api/v1/bookings', { json: { class_id: cls }, token: client.token });
    const [confirmation] = await mailTo(client.email, 1);
    const header = confirmation!.headers['list-unsubscribe'] ?? '';
    const link = /<([^>]+)>/.exec(header)?.[1];
    expect(link).toBeTruthy();
    const url = new URL(link!);
    const res = await fetch(`${inject('appUrls')[0]}${url.pathname}${url.search}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    expect((await api<{ reminders: boolean }>('/api/v1/me/notifications', { token: client.token })).body.reminders).toBe(false);
    const forged = await fetch(`${inject('appUrls')[0]}${url.pathname}?u=${url.searchParams.get('u')}&t=forged`, { method: 'POST' });
    expect(forged.status).toBe(404);
  });

  it('an admin lists the outbox by state and resends a failed message with the same key', async () => {
    const admin = await adminUser();
    const client = await makeClient();
    const cls = await makeClass({ capacity: 5, price: 0, title: 'Resend class' });
    await api('/api/v1/bookings', { json: { class_id: cls }, token: client.token });
    await mailTo(client.email, 1);
    const [row] = await testSql()`update outbox_messages set state = 'failed', last_error = 'test' where recipient = ${client.email} and template = 'booking_confirmed' returning id, idempotency_key`;
    const list = await api<{ messages: { id: string }[] }>(`/api/v1/mail/messages?state=failed&recipient=${encodeURIComponent(client.email)}`, { token: admin.token });
    expect(list.body.messages.map((m) => m.id)).toContain(row?.id);
    const resent = await api(`/api/v1/mail/messages/${row?.id}/resend`, { method: 'POST', token: admin.token });
    expect(resent.status).toBe(200);
    await waitFor(async () => (await testSql()`select state from outbox_messages where id = ${row?.id}`)[0]?.state, (s) => s === 'sent');
    expect((await confirmationsTo(client.email)).length).toBe(2);
    expect((await api(`/api/v1/mail/messages/${row?.id}/resend`, { method: 'POST', token: admin.token })).status).toBe(409);
    expect((await api('/api/v1/mail/messages', { token: client.token })).status).toBe(403);
    void emulatorControl;
  });
});
