'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The server cannot know the reader's zone: it renders UTC, the browser then shows its own zone.
const serverTimeZone = () => 'UTC';

export function LocalDate({ iso, options = { dateStyle: 'long' } }: { iso: string; options?: Intl.DateTimeFormatOptions }) {
  const timeZone = useSyncExternalStore(subscribe, browserTimeZone, serverTimeZone);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>Unknown date</span>;
  return <time dateTime={iso}>{new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(date)}</time>;
}
