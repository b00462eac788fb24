import { DateTime, IANAZone } from 'luxon';
import { DAY_MS } from '@/lib/time';

/**
 * Pure time arithmetic for availability: local wall-clock windows in a
 * provider's zone, turned into UTC instants and cut into bookable slots.
 * No database, no clock: everything it needs is passed in (unit-tested).
 */

const MINUTE = 60_000;

/** A half-open span of UTC instants [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Weekly hours: ISO weekday (1 = Monday) and local minutes since midnight, start < end. */
export interface WeeklyRule {
  weekday: number;
  start: number;
  end: number;
}

/** A date that differs from the weekly hours: off all day (no times) or open at other hours. */
export interface DateException {
  date: string;
  start: number | null;
  end: number | null;
}

/** Opening hours on one local date, in local minutes since midnight. */
export interface LocalWindow {
  date: string;
  start: number;
  end: number;
}

export interface Slot {
  start: number;
  end: number;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)(?::00(?:\.0+)?)?$/;

/** 'HH:MM' (or Postgres' 'HH:MM:SS' with zero seconds) to minutes since midnight; null when malformed. */
export function parseLocalTime(value: string): number | null {
  const m = HHMM.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatLocalTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

function offsetMinutes(zone: IANAZone, ts: number): number {
  return zone.offset(ts);
}

/** The local wall clock of a date and minutes, as if it were UTC (epoch ms). */
function wallClockMs(date: string, minutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE;
}

/**
 * The UTC instant of a local date and time in a zone. A time that does not
 * exist there (the spring-forward gap) gives null; a time that exists twice
 * (the autumn overlap) gives the earlier instant.
 */
export function resolveLocalTime(date: string, minutes: number, zone: string): Date | null {
  const tz = IANAZone.create(zone);
  const wall = wallClockMs(date, minutes);
  // Any valid instant lies within a day of the wall clock; try the offsets found around it.
  const offsets = new Set([offsetMinutes(tz, wall - DAY_MS), offsetMinutes(tz, wall), offsetMinutes(tz, wall + DAY_MS)]);
  for (const probe of [...offsets]) offsets.add(offsetMinutes(tz, wall - probe * MINUTE));
  const candidates = [...offsets]
    .map((off) => wall - off * MINUTE)
    .filter((ts) => ts + offsetMinutes(tz, ts) * MINUTE === wall)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}

/**
 * Like resolveLocalTime, but a time in a gap gives the instant the gap ends
 * (the first instant whose local time is later), so a window's bounds always exist.
 */
export function localBoundary(date: string, minutes: number, zone: string): Date {
  const exact = resolveLocalTime(date, minutes, zone);
  if (exact) return exact;
  const tz = IANAZone.create(zone);
  const wall = wallClockMs(date, minutes);
  // Before the change the offset is smaller: lo is still before the transition, hi after it.
  let lo = wall - offsetMinutes(tz, wall + DAY_MS) * MINUTE;
  let hi = wall - offsetMinutes(tz, wall - DAY_MS) * MINUTE;
  if (lo > hi) [lo, hi] = [hi, lo];
  const before = offsetMinutes(tz, lo);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetMinutes(tz, mid) === before) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** The local dates (YYYY-MM-DD) in `zone` that an instant range [from, to) touches. */
export function localDatesBetween(from: Date, to: Date, zone: string): string[] {
  const dates: string[] = [];
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  const last = DateTime.fromJSDate(new Date(Math.max(from.getTime(), to.getTime() - 1)), { zone }).toISODate();
  for (let i = 0; i < 800; i++) {
    const iso = day.toISODate();
    if (!iso) break;
    dates.push(iso);
    if (iso === last) break;
    day = day.plus({ days: 1 });
  }
  return dates;
}

/** ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Opening hours of each date: its exceptions if it has any (an all-day one closes it), else the weekly rules. */
export function windowsForDates(dates: string[], rules: WeeklyRule[], exceptions: DateException[]): LocalWindow[] {
  const windows: LocalWindow[] = [];
  for (const date of dates) {
    const todays = exceptions.filter((e) => e.date === date);
    if (todays.length) {
      if (todays.some((e) => e.start === null || e.end === null)) continue;
      for (const e of todays) windows.push({ date, start: e.start!, end: e.end! });
      continue;
    }
    const weekday = isoWeekday(date);
    for (const r of rules) if (r.weekday === weekday) windows.push({ date, start: r.start, end: r.end });
  }
  return windows.sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start);
}

export interface SlotOptions {
  zone: string;
  durationMinutes: number;
  bufferMinutes: number;
  stepMinutes: number;
  /** Time already taken: bookings (buffer included) and classes. */
  busy: Interval[];
  /** The earliest instant a slot may start (now plus the minimum notice). */
  notBefore: number;
}

/**
 * Candidate starts step through local wall-clock time from the window's start,
 * so 09:00 stays 09:00 on both sides of a clock change; starts that do not
 * exist locally are skipped. A slot fits when [start, start + duration + buffer)
 * is inside the window and overlaps nothing busy.
 */
export function slotsInWindow(window: LocalWindow, options: SlotOptions): Slot[] {
  const { zone, durationMinutes, bufferMinutes, stepMinutes, busy, notBefore } = options;
  const bounds: Interval = {
    start: localBoundary(window.date, window.start, zone).getTime(),
    end: localBoundary(window.date, window.end, zone).getTime(),
  };
  const slots: Slot[] = [];
  for (let minutes = window.start; minutes < window.end; minutes += stepMinutes) {
    const start = resolveLocalTime(window.date, minutes, zone)?.getTime();
    if (start === undefined) continue;
    const blocked: Interval = { start, end: start + (durationMinutes + bufferMinutes) * MINUTE };
    if (start < bounds.start || blocked.end > bounds.end) continue;
    if (start < notBefore) continue;
    if (busy.some((b) => overlaps(blocked, b))) continue;
    slots.push({ start, end: start + durationMinutes * MINUTE });
  }
  return slots;
}

export interface FreeSlotsInput extends SlotOptions {
  rules: WeeklyRule[];
  exceptions: DateException[];
  from: Date;
  to: Date;
}

/** Every free slot starting in [from, to), in time order, without duplicates. */
export function computeFreeSlots(input: FreeSlotsInput): Slot[] {
  const dates = localDatesBetween(input.from, input.to, input.zone);
  const seen = new Set<number>();
  const slots: Slot[] = [];
  for (const window of windowsForDates(dates, input.rules, input.exceptions)) {
    for (const slot of slotsInWindow(window, input)) {
      if (slot.start < input.from.getTime() || slot.start >= input.to.getTime() || seen.has(slot.start)) continue;
      seen.add(slot.start);
      slots.push(slot);
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** Whether weekly rules overlap on a weekday (touching ends are fine). */
export function findOverlappingRules(rules: WeeklyRule[]): [WeeklyRule, WeeklyRule] | null {
  const sorted = [...rules].sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.weekday === cur.weekday && cur.start < prev.end) return [prev, cur];
  }
  return null;
}

/** The same local time `weeks` weeks later, in the zone (the earlier instant in an overlap, the gap's end in a gap). */
export function sameLocalTimeWeeksLater(start: Date, weeks: number, zone: string): Date {
  const local = DateTime.fromJSDate(start, { zone });
  const date = local.plus({ weeks }).toISODate() ?? '';
  const at = localBoundary(date, local.hour * 60 + local.minute, zone);
  return new Date(at.getTime() + local.second * 1000 + local.millisecond);
}
