import { now } from '@/lib/clock';
import { formatDateTime } from '@/lib/time-format';
import { links } from './links';
import type { BookingSnapshot } from './messages';

/**
 * Calendar entries (RFC 5545) for bookings: the invitation attached to a
 * message and the subscription feed. One booking is one VEVENT whatever
 * carries it: the same UID every time, SEQUENCE from the booking, so a
 * calendar updates or removes the entry it already has instead of adding one.
 * Times are written in UTC, which every client reads; the provider's zone is a
 * label (X-WR-TIMEZONE, and in the description).
 */

export interface CalendarContext {
  practice_name: string;
  app_url: string;
}

export type InvitationMethod = 'REQUEST' | 'CANCEL';

const PRODID = '-//Wellbook//Bookings//EN';
const CRLF = '\r\n';
/** A content line's limit in octets, line break excluded (RFC 5545 3.1). */
const LINE_OCTETS = 75;

export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@wellbook`;
}

/** The invitation sent with a message about one booking. */
export function bookingIcs(b: BookingSnapshot, method: InvitationMethod, ctx: CalendarContext): string {
  return calendar([`METHOD:${method}`, `X-WR-TIMEZONE:${b.provider_zone}`], [vevent(b, method === 'CANCEL', ctx)]);
}

/** A subscription feed: no METHOD (RFC 5546 applies to scheduling messages, not to published calendars). */
export function calendarFeed(
  events: Array<{ b: BookingSnapshot; cancelled?: boolean }>,
  ctx: CalendarContext & { name: string },
): string {
  const zones = new Set(events.map((e) => e.b.provider_zone));
  const header = [`X-WR-CALNAME:${escapeText(ctx.name)}`, 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H'];
  const [zone] = zones;
  if (zones.size === 1 && zone) header.push(`X-WR-TIMEZONE:${zone}`);
  return calendar(header, events.map((e) => vevent(e.b, e.cancelled ?? false, ctx)));
}

function calendar(header: string[], events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', `PRODID:${PRODID}`, 'VERSION:2.0', 'CALSCALE:GREGORIAN', ...header, ...events.flat(), 'END:VCALENDAR'];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function vevent(b: BookingSnapshot, cancelled: boolean, ctx: CalendarContext): string[] {
  const link = links.booking(ctx, b.booking_id);
  const where = b.location ?? b.online_url;
  const description = [
    cancelled ? `Cancelled: ${b.title} with ${b.provider_name}` : `${b.title} with ${b.provider_name}`,
    `When: ${formatDateTime(b.starts_at, b.provider_zone)} (${b.provider_zone})`,
    ...(where ? [`Where: ${where}`] : []),
    `Client: ${b.client_name}`,
    `Booking: ${link}`,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    // The first booking of a chain of reschedules names the entry, so a move keeps its UID.
    `UID:${bookingUid(b.calendar_id)}`,
    `SEQUENCE:${b.sequence}`,
    `DTSTAMP:${utc(now())}`,
    `DTSTART:${utc(b.starts_at)}`,
    `DTEND:${utc(b.ends_at)}`,
    `SUMMARY:${escapeText(`${b.title} with ${b.provider_name}`)}`,
    ...(where ? [`LOCATION:${escapeText(where)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${link}`,
    `ORGANIZER;CN=${paramValue(ctx.practice_name)}:mailto:${b.provider_email}`,
    `ATTENDEE;CN=${paramValue(b.client_name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${b.client_email}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** An instant as a UTC DATE-TIME: 20270328T080000Z. */
function utc(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(at)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (RFC 5545 3.2): always quoted; a DQUOTE cannot appear inside one, nor a control character. */
function paramValue(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
}

/**
 * Folds a content line longer than 75 octets (RFC 5545 3.1): CRLF and a space
 * before each continuation, counting UTF-8 octets and never splitting a
 * character's octets between two lines.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // A continuation line's leading space counts towards its 75 octets.
  let limit = LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
