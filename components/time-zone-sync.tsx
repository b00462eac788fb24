'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { VIEWER_ZONE_COOKIE } from '@/lib/time-format';

const REFRESHED_KEY = 'wellbook-tz-refreshed';

/**
 * Tells the server the browser's zone in the `tz` cookie, and refreshes the
 * page once when the cookie was missing or different and the page's times
 * follow the browser (no zone on the profile). Once per zone and tab, so a
 * browser that refuses cookies is not refreshed again and again.
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
    router.refresh();
  }, [cookieZone, followsBrowser, router]);
  return null;
}
