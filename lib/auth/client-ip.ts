import { env } from '@/lib/env';

/**
 * The client's address for rate limiting. Without TRUST_PROXY the front door
 * (lib/front-door.ts) has already put the socket's address in X-Forwarded-For,
 * whatever the client sent; behind a trusted proxy (TRUST_PROXY=true) the
 * proxy's header is used as is, its first entry being the client.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const first = forwarded?.split(',')[0]?.trim();
  const ip = (env().TRUST_PROXY ? first : forwarded?.split(',').at(-1)?.trim()) ?? headers.get('x-real-ip') ?? '';
  return ip.slice(0, 64) || 'unknown';
}
