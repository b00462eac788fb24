import { DateTime } from 'luxon';

/**
 * Times on pages always carry their zone ("Sun 29 Mar, 09:00 BST"). en-US names
 * American zones (EDT), en-GB British ones (BST); otherwise an offset (GMT+11).
 */
export function zoneAbbreviation(at: DateTime): string {
  const us = at.setLocale('en-US').toFormat('ZZZZ');
  if (!/^GMT[+-]/.test(us)) return us;
  const gb = at.setLocale('en-GB').toFormat('ZZZZ');
  return /^GMT[+-]/.test(gb) ? us : gb;
}

function inZone(iso: string | Date, zone: string): DateTime {
  return (typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso)).setZone(zone);
}

/** "Sun 29 Mar, 09:00 BST" */
export function formatDateTime(iso: string | Date, zone: string): string {
  const at = inZone(iso, zone);
  return `${at.setLocale('en-GB').toFormat('ccc d LLL, HH:mm')} ${zoneAbbreviation(at)}`;
}

/** "09:00 BST" */
export function formatTime(iso: string | Date, zone: string): string {
  const at = inZone(iso, zone);
  return `${at.setLocale('en-GB').toFormat('HH:mm')} ${zoneAbbreviation(at)}`;
}

/** "09:00–10:00 BST" */
export function formatTimeRange(startIso: string, endIso: string, zone: string): string {
  const end = inZone(endIso, zone);
  return `${inZone(startIso, zone).setLocale('en-GB').toFormat('HH:mm')}–${end.setLocale('en-GB').toFormat('HH:mm')} ${zoneAbbreviation(end)}`;
}

/** The local date "2027-03-28" of an instant in a zone, to group by day. */
export function localDate(iso: string | Date, zone: string): string {
  return inZone(iso, zone).toISODate() ?? '';
}

/** "Sunday 28 March" for a YYYY-MM-DD date. */
export function formatDayHeading(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('cccc d LLLL');
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()];
}

/** "Sun 28 Mar" for a YYYY-MM-DD date. */
export function formatDayShort(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('ccc d LLL');
}
