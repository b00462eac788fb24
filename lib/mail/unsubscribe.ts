import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/** A one-click unsubscribe link needs no sign-in: it carries the user id and an HMAC of it under AUTH_SECRET. */
function signature(userId: string): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`unsubscribe:${userId}`).digest('base64url');
}

export function unsubscribeUrl(userId: string): string {
  return `${env().APP_URL.replace(/\/$/, '')}/api/mail/unsubscribe?u=${encodeURIComponent(userId)}&t=${signature(userId)}`;
}

export function verifyUnsubscribe(userId: string | null, token: string | null): boolean {
  if (!userId || !token) return false;
  const expected = Buffer.from(signature(userId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
