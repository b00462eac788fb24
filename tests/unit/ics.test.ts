import ical, { type CalendarResponse, type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { bookingIcs, calendarFeed, escapeText, foldLine } from '@/lib/mail/ics';
import { APP_URL, sampleBooking } from '@/tests/support/mail-samples';

const ctx = { practice_name: 'Calm Studio', app_url: APP_URL };

function events(parsed: CalendarResponse): VEvent[] {
  return Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
}

function onlyEvent(text: string): VEvent {
  const [event, ...rest] = events(ical.sync.parseICS(text));
  expect(rest).toHaveLength(0);
  if (!event) throw new Error('no VEVENT');
  return event;
}

const physicalLines = (text: string) => text.split('\r\n').slice(0, -1);
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('the invitation attached to a message', () => {
  it('is one VEVENT with the booking UID, its times in UTC and its SEQUENCE', () => {
    const b = sampleBooking({ sequence: 3 });
    const text = bookingIcs(b, 'REQUEST', ctx);
    const event = onlyEvent(text);
    expect(event.uid).toBe('booking-bk_123@wellbook');
    expect(event.start.toISOString()).toBe(b.starts_at);
    expect(event.end?.toISOString()).toBe(b.ends_at);
    expect(event.sequence).toBe(3);
    expect(event.status).toBe('CONFIRMED');
    expect(event.summary).toBe('Morning Flow with Ana Reyes');
    expect(event.location).toBe('Studio 1, 12 High Street');
    expect(event.url).toBe(`${APP_URL}/account/bookings/bk_123`);
    expect(event.organizer).toMatchObject({ params: { CN: 'Calm Studio' }, val: 'mailto:ana@wellbook.test' });
    expect(event.attendee).toMatchObject({ params: { CN: 'Bea Client' }, val: 'mailto:bea@wellbook.test' });
    expect(String(event.description)).toContain('Europe/London');
    expect(String(event.description)).toContain(`${APP_URL}/account/bookings/bk_123`);

    const lines = unfold(text).split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['BEGIN:VCALENDAR', 'PRODID:-//Wellbook//Bookings//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN']);
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('X-WR-TIMEZONE:Europe/London');
    expect(lines).toContain('DTSTART:20260329T080000Z');
    expect(lines.find((l) => l.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    // CRLF everywhere, nothing bare.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('cancels with METHOD:CANCEL, the same UID and STATUS:CANCELLED', () => {
    const text = bookingIcs(sampleBooking({ sequence: 4 }), 'CANCEL', ctx);
    const event = onlyEvent(text);
    expect(text).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(event.uid).toBe('booking-bk_123@wellbook');
    expect(event.sequence).toBe(4);
    expect(event.status).toBe('CANCELLED');
  });

  it('uses the online link as the location when there is no place', () => {
    const event = onlyEvent(bookingIcs(sampleBooking({ location: null, online_url: 'https://meet.wellbook.test/r/1' }), 'REQUEST', ctx));
    expect(event.location).toBe('https://meet.wellbook.test/r/1');
  });

  it('escapes text so it reads back unchanged', () => {
    const title = 'Yin; slow, deep\\stretch\nand rest';
    expect(escapeText(title)).toBe('Yin\\; slow\\, deep\\\\stretch\\nand rest');
    const event = onlyEvent(bookingIcs(sampleBooking({ title, provider_name: 'Ana "Zen" Reyes' }), 'REQUEST', ctx));
    expect(event.summary).toBe(`${title} with Ana "Zen" Reyes`);
  });
});

describe('folding (RFC 5545 3.1)', () => {
  const long = `DESCRIPTION:${'Séance de yoga 日本語 🧘 '.repeat(12)}`;

  it('keeps every line within 75 octets without splitting a character, and unfolds to the same text', () => {
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const [i, line] of lines.entries()) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(line.startsWith(' ')).toBe(true);
      // A split surrogate pair or UTF-8 sequence would not survive a round trip through bytes.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(unfold(folded)).toBe(long);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('folds whole calendars the same way, and parsers read the folded value back', () => {
    const title = 'Restorative 🧘 yoga with a very long name that needs folding, twice over — ☀️ édition spéciale';
    const text = bookingIcs(sampleBooking({ title }), 'REQUEST', ctx);
    for (const line of physicalLines(text)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(onlyEvent(text).summary).toBe(`${title} with Ana Reyes`);
  });
});

describe('the calendar feed', () => {
  it('has no METHOD and one VEVENT per booking, cancelled ones marked', () => {
    const text = calendarFeed(
      [
        { b: sampleBooking({ booking_id: 'a', calendar_id: 'a' }) },
        { b: sampleBooking({ booking_id: 'b', calendar_id: 'b', starts_at: '2026-04-01T17:00:00.000Z', ends_at: '2026-04-01T18:00:00.000Z' }) },
        { b: sampleBooking({ booking_id: 'c', calendar_id: 'c', sequence: 2 }), cancelled: true },
      ],
      { ...ctx, name: 'Bea at Calm Studio' },
    );
    expect(text).not.toMatch(/^METHOD:/m);
    const parsed = ical.sync.parseICS(text);
    expect(parsed.vcalendar?.['WR-CALNAME']).toBe('Bea at Calm Studio');
    const byUid = new Map(events(parsed).map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(['booking-a@wellbook', 'booking-b@wellbook', 'booking-c@wellbook']);
    expect(byUid.get('booking-b@wellbook')?.start.toISOString()).toBe('2026-04-01T17:00:00.000Z');
    expect(byUid.get('booking-c@wellbook')?.status).toBe('CANCELLED');
    expect(byUid.get('booking-a@wellbook')?.status).toBe('CONFIRMED');
  });
});
