'use client';

import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { formatDateTime, withStudioTime, type DateTimeOptions } from '@/lib/time-format';

/**
 * The viewer's zone as the server worked it out (profile, else the `tz` cookie
 * the browser set, else the platform's zone; lib/viewer-zone). app/layout.tsx
 * provides it, so the server and the browser render the same text.
 */
const ViewerZoneContext = createContext<string | null>(null);

export function ViewerZoneProvider({ zone, children }: { zone: string; children?: ReactNode }) {
  return <ViewerZoneContext.Provider value={zone}>{children}</ViewerZoneContext.Provider>;
}

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverTimeZone = () => 'UTC';

/** The zone times are shown in: the viewer's, from the layout; outside it, the browser's (UTC on the server). */
export function useViewerZone(): string {
  const provided = useContext(ViewerZoneContext);
  const browser = useSyncExternalStore(subscribe, browserTimeZone, serverTimeZone);
  return provided ?? browser;
}

/** Kept for the components that read it: the viewer's zone (see useViewerZone). */
export const useBrowserTimeZone = useViewerZone;

export function LocalDate({ iso, options = { dateStyle: 'long' } }: { iso: string; options?: Intl.DateTimeFormatOptions }) {
  const timeZone = useViewerZone();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>Unknown date</span>;
  return <time dateTime={iso}>{new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(date)}</time>;
}

/**
 * "Tue 24 Nov, 18:00 London time" (with the year when asked: "Tue 24 Nov 2026, 18:00 London time");
 * `timeOnly` gives "18:00 London time". Times on pages always carry their zone's name.
 */
export function formatLocalDateTime(iso: string, timeZone: string, options: DateTimeOptions = {}): string {
  return formatDateTime(iso, timeZone, options);
}

/**
 * A moment in the viewer's zone, with the zone's name: "Tue 24 Nov, 18:00 New York time".
 * `studioZone` (the practitioner's zone, for in-person sessions) adds their local
 * time when it differs: "… 13:00 New York time · 18:00 London time at the studio".
 */
export function LocalDateTime({ iso, withYear, timeOnly, studioZone }: { iso: string; withYear?: boolean; timeOnly?: boolean; studioZone?: string | null }) {
  const timeZone = useViewerZone();
  return <time dateTime={iso}>{withStudioTime(formatLocalDateTime(iso, timeZone, { withYear, timeOnly }), iso, timeZone, studioZone)}</time>;
}
