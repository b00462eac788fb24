import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth';
import { getSetting } from '@/lib/settings';
import { isTimeZone, VIEWER_ZONE_COOKIE, zoneFromCookie } from '@/lib/time-format';

export interface ViewerZone {
  /** The IANA zone every time on the page is shown in. */
  zone: string;
  /** Where it came from: the profile wins, then the browser's cookie, then the platform's setting. */
  source: 'profile' | 'browser' | 'platform';
  /** The validated `tz` cookie, or null when missing or unknown to Intl. */
  cookieZone: string | null;
}

/** The signed-in user's chosen zone (users.time_zone), when it is one Intl knows. */
async function profileZone(userId: string): Promise<string | null> {
  const [row] = await getDb().select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId)).limit(1);
  return isTimeZone(row?.timeZone) ? row.timeZone : null;
}

/** The zone of this request's viewer (PRODUCT.md "Time"): profile, else browser, else platform. Once per request. */
export const getViewerZone = cache(async (): Promise<ViewerZone> => {
  const [user, jar] = await Promise.all([getCurrentUser(), cookies()]);
  const cookieZone = zoneFromCookie(jar.get(VIEWER_ZONE_COOKIE)?.value);
  const own = user ? await profileZone(user.id) : null;
  if (own) return { zone: own, source: 'profile', cookieZone };
  if (cookieZone) return { zone: cookieZone, source: 'browser', cookieZone };
  return { zone: await getSetting('platform_time_zone'), source: 'platform', cookieZone };
});
