import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { BookingSnapshot, MessageData, Template } from '@/lib/mail/messages';
import { renderMessage } from '@/lib/mail/render';
import { APP_URL, sampleBooking, sampleCtx, samples } from '@/tests/support/mail-samples';

const templates = Object.keys(samples) as Template[];

function bookingOf(data: MessageData[Template]): BookingSnapshot | null {
  return 'booking' in data ? data.booking : null;
}

/** What each message must name when it is not about a booking. */
const subjectMatter: Partial<Record<Template, string>> = {
  credit_granted: '5 Class Pass',
  credit_expiring: '5 Class Pass',
  questionnaire_renewal: 'questionnaire',
  payout_sent: '£127.50',
  questionnaire_flagged: 'Bea Client',
  payment_auto_refunded: 'Morning Flow',
  mail_failed: 'bea@wellbook.test',
  password_reset: 'password',
};

describe('every template renders', () => {
  it.each(templates)('%s: a subject, HTML and text naming what it is about, and absolute links', async (template) => {
    const data = samples[template];
    const message = await renderMessage(template, data, sampleCtx);
    const about = bookingOf(data)?.title ?? subjectMatter[template];
    expect(about).toBeTruthy();
    expect(message.subject.trim()).not.toBe('');
    expect(message.html).toMatch(/^<!DOCTYPE html/);
    // A document with a title and a language (axe: document-title, html-has-lang).
    expect(message.html).toMatch(/<html[^>]* lang="en"/);
    expect(message.html).toMatch(/<title>[^<]+<\/title>/);
    for (const part of [message.html, message.text]) {
      expect(part).toContain(about);
      expect(part).toContain(`${APP_URL}/`);
      expect(part).not.toContain('[object Object]');
      expect(part).not.toContain('undefined');
    }
    expect(message.html).toContain(`href="${APP_URL}/`);
    // Every link to the app is absolute.
    expect(message.html).not.toMatch(/href="\//);
  });

  it('puts the title and the time in the reader\'s zone in the subject', async () => {
    const booking = sampleBooking({ client_zone: 'Europe/London' });
    expect((await renderMessage('booking_confirmed', { booking }, sampleCtx)).subject).toBe('Booking confirmed: Morning Flow, Sun 29 Mar, 09:00 London time');
    const forProvider = await renderMessage('booking_new_for_provider', { booking: sampleBooking() }, sampleCtx);
    expect(forProvider.subject).toContain('Sun 29 Mar, 09:00 London time');
  });

  it('shows the provider\'s time too when the zones differ, and only one time when they do not', async () => {
    const apart = await renderMessage('booking_confirmed', { booking: sampleBooking() }, sampleCtx);
    expect(apart.text).toContain('Sun 29 Mar, 04:00–05:00 New York time');
    expect(apart.text).toContain('Sun 29 Mar, 09:00–10:00 London time');
    const together = await renderMessage('booking_confirmed', { booking: sampleBooking({ client_zone: 'Europe/London' }) }, sampleCtx);
    expect(together.text).toContain('Sun 29 Mar, 09:00–10:00 London time');
    expect(together.text).not.toContain("Ana Reyes's time");
  });

  it('formats amounts by their currency: no decimals for JPY', async () => {
    const yen = { amount: 500, currency: 'jpy' };
    const receipt = await renderMessage('payment_receipt', { ...samples.payment_receipt, amount: yen, booking: sampleBooking({ paid: yen }) }, sampleCtx);
    expect(receipt.subject).toBe('Receipt: Morning Flow, JP¥500');
    expect(receipt.text).toContain('JP¥500');
    expect(receipt.text).not.toMatch(/¥5\.00|¥500\.00/);
    const kes = await renderMessage('payout_sent', { ...samples.payout_sent, amount: { amount: 150_000, currency: 'kes' } }, sampleCtx);
    expect(kes.text).toMatch(/KES\s1,500\.00/);
  });

  it('says a class credit paid', async () => {
    const message = await renderMessage('credit_used', samples.credit_used, sampleCtx);
    expect(message.text).toContain('Paid with a class credit');
  });

  it('offers the unsubscribe link on reminders only', async () => {
    const unsubscribe_url = `${APP_URL}/mail/unsubscribe/tok_1`;
    const reminder = await renderMessage('session_reminder', samples.session_reminder, { ...sampleCtx, unsubscribe_url });
    expect(reminder.html).toContain(`href="${unsubscribe_url}"`);
    expect(reminder.text).toContain('Unsubscribe from reminders');
    const transactional = await renderMessage('booking_confirmed', samples.booking_confirmed, sampleCtx);
    expect(transactional.text).not.toContain('Unsubscribe');
  });

  it('links each message to its page', async () => {
    const expected: Partial<Record<Template, string>> = {
      payment_failed: '/account/bookings/bk_123/pay',
      waitlist_offer: '/account/bookings/bk_123/pay',
      credit_granted: '/account/credits',
      questionnaire_renewal: '/account/questionnaire',
      payout_sent: '/provider/payouts/po_1',
      questionnaire_flagged: '/admin/questionnaires/usr_9',
      payment_auto_refunded: '/admin/payments/pay_5',
      mail_failed: '/admin/mail',
      password_reset: '/reset-password?token=rst_sample',
      booking_confirmed: '/account/bookings/bk_123',
    };
    for (const [template, path] of Object.entries(expected) as Array<[Template, string]>) {
      const message = await renderMessage(template, samples[template], sampleCtx);
      expect(message.html, template).toContain(`href="${APP_URL}${path}"`);
    }
  });
});

describe('calendar invitations', () => {
  it.each([
    ['booking_confirmed', 'REQUEST', 'CONFIRMED'],
    ['booking_rescheduled', 'REQUEST', 'CONFIRMED'],
    ['booking_cancelled', 'CANCEL', 'CANCELLED'],
  ] as const)('%s carries booking.ics with METHOD:%s', async (template, method, status) => {
    const data = samples[template];
    const { attachments } = await renderMessage(template, data, sampleCtx);
    expect(attachments).toHaveLength(1);
    const [ics] = attachments;
    expect(ics).toMatchObject({ filename: 'booking.ics', contentType: `text/calendar; method=${method}` });
    expect(ics?.content).toContain(`\r\nMETHOD:${method}\r\n`);
    const event = ical.sync.parseICS(ics?.content ?? '')[`booking-${data.booking.booking_id}@wellbook`];
    expect(event).toMatchObject({ type: 'VEVENT', sequence: data.booking.sequence, status });
  });

  it('is attached to nothing else', async () => {
    for (const template of templates.filter((t) => !['booking_confirmed', 'booking_rescheduled', 'booking_cancelled'].includes(t))) {
      expect((await renderMessage(template, samples[template], sampleCtx)).attachments, template).toEqual([]);
    }
  });
});

describe('what a message never shows', () => {
  it('prints only the fields it names, never a stray field such as answers or notes', async () => {
    const secrets = { answers: 'SECRET-ANSWER-yes-to-heart-condition', notes: 'SECRET-NOTE', clearance_note: 'SECRET-CLEARANCE' };
    for (const template of templates) {
      const data = samples[template];
      const booking = bookingOf(data);
      // The contract has no such fields; a template that spread or serialised its data would leak them.
      const tainted = { ...data, ...secrets, ...(booking ? { booking: { ...booking, ...secrets } } : {}) };
      const message = await renderMessage(template, tainted, sampleCtx);
      for (const part of [message.subject, message.html, message.text, ...message.attachments.map((a) => a.content)]) {
        expect(part, template).not.toContain('SECRET-');
        expect(part, template).not.toMatch(/"booking_id"|\{"/);
      }
    }
  });
});

describe('under --conditions=react-server (the job worker)', () => {
  it('renders the same subjects and text as here', { timeout: 60_000 }, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'tests/support/mail-render-react-server.ts'],
      { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 },
    );
    const worker = JSON.parse(stdout) as Record<string, { subject: string; text: string; html: boolean }>;
    for (const template of templates) {
      const here = await renderMessage(template, samples[template], sampleCtx);
      expect(worker[template], template).toEqual({ subject: here.subject, text: here.text, html: true });
    }
  });
});
