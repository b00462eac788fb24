'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { VIEWER_ZONE_COOKIE } from '@/lib/time-format';

const REFRESHED_KEY = 'wellbook-tz-refreshed';
/** How long a soft refresh may take to bring the page in the new zone before a full reload. */
const RELOAD_AFTER_MS = 4000;

/**
 * Tells the server the browser's zone in the `tz` cookie, and refreshes the
 * page once when the cookie was missing or different and the page's times
 * follow the browser (no zone on the profile). Once per zone and tab, so a
 * browser that refuses cookies is not refreshed again and again.
 *
 * The soft refresh re-renders this layout with the cookie's zone, which clears
 * the timer; if it is dropped (a refresh asked for while the router is still
 * settling on a busy machine), the page reloads instead, so the times never
 * stay in the studio's zone.
 */
export function TimeZoneSync({ cookieZone, followsBrowser }: { cookieZone: string | null; followsBrowser: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === cookieZone) return;
    document.cookie = `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    if (!followsBrowser) return;
    try {
      if (sessionStorage.getItem(REFRESHED_KEY) === zone) return;
      sessionStorage.setItem(REFRESHED_KEY, zone);
    } catch {
      return;
    }
    if (!document.cookie.includes(`${VIEWER_ZONE_COOKIE}=`)) return;
    router.refresh();
    const reload = window.setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
    return () => window.clearTimeout(reload);
  }, [cookieZone, followsBrowser, router]);
  return null;
}
