import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocalDateTime, ViewerZoneProvider } from '@/components/local-date';
import { formatDateTime, formatStudioTime, formatTimeRange, isTimeZone, localDate, withStudioTime, zoneFromCookie, zoneName } from '@/lib/time-format';

/** A class at the London studio, Tuesday 1 December 2026 15:00 UTC (15:00 in London, 10:00 in New York). */
const booking = { starts_at: '2026-12-01T15:00:00.000Z', ends_at: '2026-12-01T16:00:00.000Z', studio_zone: 'Europe/London' };

function rendered(zone: string, props: Parameters<typeof LocalDateTime>[0]): string {
  const html = renderToString(createElement(ViewerZoneProvider, { zone }, createElement(LocalDateTime, props)));
  return html.replace(/<[^>]+>/g, '');
}

describe('the one time rule', () => {
  it('renders the same booking for a London and a New York viewer, each in their own zone with its name', () => {
    expect(rendered('Europe/London', { iso: booking.starts_at, withYear: true })).toBe('Tue 1 Dec 2026, 15:00 London time');
    expect(rendered('America/New_York', { iso: booking.starts_at, withYear: true })).toBe('Tue 1 Dec 2026, 10:00 New York time');
    expect(formatTimeRange(booking.starts_at, booking.ends_at, 'Europe/London')).toBe('15:00–16:00 London time');
    expect(formatTimeRange(booking.starts_at, booking.ends_at, 'America/New_York')).toBe('10:00–11:00 New York time');
  });

  it('adds the studio’s time for an in-person session only when the viewer is elsewhere', () => {
    expect(rendered('America/New_York', { iso: booking.starts_at, studioZone: booking.studio_zone })).toBe('Tue 1 Dec, 10:00 New York time · 15:00 London time at the studio');
    expect(rendered('Europe/London', { iso: booking.starts_at, studioZone: booking.studio_zone })).toBe('Tue 1 Dec, 15:00 London time');
    // The same wall clock in another zone says nothing more.
    expect(formatStudioTime(booking.starts_at, 'Europe/Dublin', 'Europe/London')).toBeNull();
    // Another day at the studio names that day.
    expect(withStudioTime('Mon 30 Nov, 23:00 New York time', '2026-12-01T04:00:00Z', 'America/New_York', 'Europe/London')).toBe(
      'Mon 30 Nov, 23:00 New York time · Tue 04:00 London time at the studio',
    );
  });

  it('names zones by their city, UTC as UTC, and follows summer time', () => {
    expect(zoneName('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(zoneName('Etc/UTC')).toBe('UTC');
    expect(formatDateTime('2027-03-29T08:00:00Z', 'Europe/London')).toBe('Mon 29 Mar, 09:00 London time');
    expect(formatDateTime('not a time', 'Europe/London')).toBe('Unknown time');
    expect(localDate('2026-12-01T04:00:00Z', 'America/New_York')).toBe('2026-11-30');
  });

  it('accepts from the tz cookie only zones Intl knows', () => {
    expect(zoneFromCookie('America%2FNew_York')).toBe('America/New_York');
    expect(zoneFromCookie('Mars/Olympus')).toBeNull();
    expect(zoneFromCookie('%E0%A4%A')).toBeNull();
    expect(zoneFromCookie('Europe/London; path=/')).toBeNull();
    expect(zoneFromCookie(undefined)).toBeNull();
    expect(isTimeZone('UTC')).toBe(true);
  });
});
