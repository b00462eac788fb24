import { isUuid } from '@/lib/fields';
import { localHour } from '@/lib/time-format';

/**
 * The public schedule's filters, all in the URL so a link can be shared and the
 * plain GET form works without JavaScript. A value the page does not know is
 * dropped (the page shows everything for it) rather than refused.
 */
export interface ScheduleFilters {
  /** First day shown, YYYY-MM-DD in the viewer's zone; absent = today. */
  week?: string;
  view: 'week' | 'list';
  /** The day a phone shows in the week view. */
  day?: string;
  provider?: string;
  kind?: 'class' | 'session';
  place?: 'in_person' | 'online';
  /** Only what still has a seat or a free time. */
  free: boolean;
  time?: TimeOfDay;
  /** Words in a class title, a session type or a practitioner's name. */
  q?: string;
}

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

export const TIMES_OF_DAY: readonly { value: TimeOfDay; label: string }[] = [
  { value: 'morning', label: 'Morning (before 12:00)' },
  { value: 'afternoon', label: 'Afternoon (12:00–17:00)' },
  { value: 'evening', label: 'Evening (from 17:00)' },
];

type Params = Record<string, string | string[] | undefined>;

function one(params: Params, key: string): string | undefined {
  const v = params[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** A real YYYY-MM-DD date (not 2026-02-30). */
export function isCalendarDate(value: string | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

export function parseScheduleFilters(params: Params): ScheduleFilters {
  const q = one(params, 'q')?.trim().slice(0, 100);
  const provider = one(params, 'provider');
  return {
    week: isCalendarDate(one(params, 'week')) ? one(params, 'week') : undefined,
    view: one(params, 'view') === 'list' ? 'list' : 'week',
    day: isCalendarDate(one(params, 'day')) ? one(params, 'day') : undefined,
    provider: provider && isUuid(provider) ? provider : undefined,
    kind: pick(one(params, 'kind'), ['class', 'session'] as const),
    place: pick(one(params, 'place'), ['in_person', 'online'] as const),
    free: one(params, 'free') === '1',
    time: pick(one(params, 'time'), ['morning', 'afternoon', 'evening'] as const),
    q: q || undefined,
  };
}

/** Whether any filter that narrows what is shown is set (the week, view and day only move or arrange it). */
export function hasNarrowingFilters(f: ScheduleFilters): boolean {
  return !!(f.provider || f.kind || f.place || f.free || f.time || f.q);
}

/** The URL of the schedule with these filters, changed by `patch` (undefined or false removes a parameter). */
export function scheduleHref(f: ScheduleFilters, patch: Partial<ScheduleFilters> = {}, hash = ''): string {
  const next = { ...f, ...patch };
  const query = new URLSearchParams();
  if (next.q) query.set('q', next.q);
  if (next.provider) query.set('provider', next.provider);
  if (next.kind) query.set('kind', next.kind);
  if (next.place) query.set('place', next.place);
  if (next.time) query.set('time', next.time);
  if (next.free) query.set('free', '1');
  if (next.week) query.set('week', next.week);
  if (next.view === 'list') query.set('view', 'list');
  if (next.day) query.set('day', next.day);
  const s = query.toString();
  return `/schedule${s ? `?${s}` : ''}${hash}`;
}

/** The part of the day an instant falls in, in the viewer's zone. */
export function timeOfDay(iso: string, zone: string): TimeOfDay {
  const hour = localHour(iso, zone);
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/** Whether a text contains every word of the search, ignoring case. */
export function matchesSearch(q: string | undefined, ...texts: string[]): boolean {
  if (!q) return true;
  const haystack = texts.join(' ').toLocaleLowerCase('en-GB');
  return q
    .toLocaleLowerCase('en-GB')
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The active filters in words, for "Nothing matches …". */
export function describeFilters(f: ScheduleFilters, providerName: string | undefined): string[] {
  const words: string[] = [];
  if (f.q) words.push(`“${f.q}”`);
  if (f.provider) words.push(`with ${providerName ?? 'the chosen practitioner'}`);
  if (f.kind) words.push(f.kind === 'class' ? 'classes only' : '1:1 sessions only');
  if (f.place) words.push(f.place === 'in_person' ? 'in person' : 'online');
  if (f.time) words.push(`in the ${f.time}`);
  if (f.free) words.push('with places free');
  return words;
}
