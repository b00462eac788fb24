import type { DateTime } from 'luxon';

/**
 * The one time rule (PRODUCT.md "Time"): every time is shown in the viewer's
 * zone with the zone's name, "Sun 29 Mar, 09:00 London time"; an in-person
 * session adds the practitioner's local time when it differs. Only Intl, no
 * Luxon at run time, so client components can use it without the weight.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** Whether Intl knows this IANA zone (what a `tz` cookie or a profile may hold). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The cookie through which the browser tells server-rendered pages its zone (components/time-zone-sync.tsx sets it). */
export const VIEWER_ZONE_COOKIE = 'tz';

/** The `tz` cookie's zone when Intl knows it; anything else is ignored. */
export function zoneFromCookie(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const value = decodeURIComponent(raw);
    return isTimeZone(value) ? value : null;
  } catch {
    return null;
  }
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Etc/Greenwich', 'Greenwich']);

/** "London time", "New York time", "UTC"; an offset ("GMT+5") for zones that name no place. */
export function zoneName(zone: string, at: Date = new Date()): string {
  if (UTC_NAMES.has(zone)) return 'UTC';
  const slash = zone.lastIndexOf('/');
  if (slash > 0 && !zone.startsWith('Etc/')) return `${zone.slice(slash + 1).replace(/_/g, ' ')} time`;
  return formatter(zone, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

interface LocalParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  clock: string;
  /** "2027-03-28" */
  date: string;
  hour: number;
}

function toDate(iso: string | Date): Date {
  return typeof iso === 'string' ? new Date(iso) : iso;
}

function localParts(at: Date, zone: string): LocalParts {
  const parts = formatter(zone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const numeric = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const num = (type: Intl.DateTimeFormatPartTypes) => numeric.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: part('weekday'),
    day: part('day'),
    month: part('month'),
    year: part('year'),
    clock: `${part('hour')}:${part('minute')}`,
    date: `${num('year')}-${num('month')}-${num('day')}`,
    hour: Number(part('hour')),
  };
}

export interface DateTimeOptions {
  /** "Tue 24 Nov 2026, 18:00 London time" */
  withYear?: boolean;
  /** "18:00 London time" */
  timeOnly?: boolean;
}

/** "Sun 29 Mar, 09:00 London time" (with the year, or the time only, when asked); "Unknown time" for a bad instant. */
export function formatDateTime(iso: string | Date, zone: string, options: DateTimeOptions = {}): string {
  const at = toDate(iso);
  if (Number.isNaN(at.getTime())) return 'Unknown time';
  const p = localParts(at, zone);
  const time = `${p.clock} ${zoneName(zone, at)}`;
  if (options.timeOnly) return time;
  return `${p.weekday} ${p.day} ${p.month}${options.withYear ? ` ${p.year}` : ''}, ${time}`;
}

/** "09:00 London time" */
export function formatTime(iso: string | Date, zone: string): string {
  return formatDateTime(iso, zone, { timeOnly: true });
}

/** "09:00" in a zone, without the zone's name (for slot buttons under a heading that names it). */
export function formatClock(iso: string | Date, zone: string): string {
  return localParts(toDate(iso), zone).clock;
}

/** "09:00–10:00 London time" */
export function formatTimeRange(startIso: string | Date, endIso: string | Date, zone: string): string {
  const end = toDate(endIso);
  return `${formatClock(startIso, zone)}–${formatClock(end, zone)} ${zoneName(zone, end)}`;
}

/**
 * The practitioner's local time of an in-person session, for beside the
 * viewer's: "15:00 London time at the studio" ("Wed 04:00 …" when the day
 * differs), or null when it reads the same as the viewer's.
 */
export function formatStudioTime(iso: string | Date, viewerZone: string, studioZone: string): string | null {
  const at = toDate(iso);
  if (Number.isNaN(at.getTime()) || viewerZone === studioZone) return null;
  const viewer = localParts(at, viewerZone);
  const studio = localParts(at, studioZone);
  if (viewer.clock === studio.clock && viewer.date === studio.date) return null;
  return `${studio.date === viewer.date ? '' : `${studio.weekday} `}${studio.clock} ${zoneName(studioZone, at)} at the studio`;
}

/** The viewer's time with the studio's beside it when they differ: "10:00 New York time · 15:00 London time at the studio". */
export function withStudioTime(shown: string, iso: string | Date, viewerZone: string, studioZone: string | null | undefined): string {
  const studio = studioZone ? formatStudioTime(iso, viewerZone, studioZone) : null;
  return studio ? `${shown} · ${studio}` : shown;
}

/** The local date "2027-03-28" of an instant in a zone, to group by day. */
export function localDate(iso: string | Date, zone: string): string {
  const at = toDate(iso);
  return Number.isNaN(at.getTime()) ? '' : localParts(at, zone).date;
}

/** The local hour (0-23) of an instant in a zone: morning, afternoon or evening. */
export function localHour(iso: string | Date, zone: string): number {
  return localParts(toDate(iso), zone).hour;
}

function calendarDate(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** "Sunday 28 March" for a YYYY-MM-DD date. */
export function formatDayHeading(date: string): string {
  const p = formatter('UTC', { weekday: 'long', day: 'numeric', month: 'long' }).formatToParts(calendarDate(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => p.find((x) => x.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}`;
}

/** "Sun 28 Mar" for a YYYY-MM-DD date. */
export function formatDayShort(date: string): string {
  const p = localParts(calendarDate(date), 'UTC');
  return `${p.weekday} ${p.day} ${p.month}`;
}

/**
 * A zone's short name at an instant ("BST", "EDT", else an offset "GMT+11"):
 * en-US names American zones, en-GB British ones. Pages show zoneName instead.
 */
export function zoneAbbreviation(at: DateTime): string {
  const instant = at.toJSDate();
  const zone = at.zoneName ?? 'UTC';
  const name = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const us = name('en-US');
  if (!/^GMT[+-]/.test(us)) return us;
  const gb = name('en-GB');
  return /^GMT[+-]/.test(gb) ? us : gb;
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
