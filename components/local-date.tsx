'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The server cannot know the reader's zone: it renders UTC, the browser then shows its own zone.
const serverTimeZone = () => 'UTC';

/** The reader's time zone (UTC while rendering on the server). */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(subscribe, browserTimeZone, serverTimeZone);
}

export function LocalDate({ iso, options = { dateStyle: 'long' } }: { iso: string; options?: Intl.DateTimeFormatOptions }) {
  const timeZone = useBrowserTimeZone();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>Unknown date</span>;
  return <time dateTime={iso}>{new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(date)}</time>;
}

/**
 * "Tue 24 Nov, 18:00 GMT" (with the year when asked: "Tue 24 Nov 2026, 18:00 GMT");
 * `timeOnly` gives "18:00 GMT". Times on pages always carry their zone.
 */
export function formatLocalDateTime(iso: string, timeZone: string, options: { withYear?: boolean; timeOnly?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'Unknown time';
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: options.withYear ? 'numeric' : undefined,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
  if (options.timeOnly) return time;
  return `${part('weekday')} ${part('day')} ${part('month')}${options.withYear ? ` ${part('year')}` : ''}, ${time}`;
}

/** A moment in the reader's own zone, with the zone: "Tue 24 Nov, 18:00 GMT". */
export function LocalDateTime({ iso, withYear, timeOnly }: { iso: string; withYear?: boolean; timeOnly?: boolean }) {
  const timeZone = useBrowserTimeZone();
  return <time dateTime={iso}>{formatLocalDateTime(iso, timeZone, { withYear, timeOnly })}</time>;
}
