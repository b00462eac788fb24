import { env } from '@/lib/env';

/**
 * The client's address for rate limiting. Next's server fills X-Forwarded-For
 * with the socket address when the request has none; behind a trusted proxy
 * (TRUST_PROXY=true) the proxy's header is used as is.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const first = forwarded?.split(',')[0]?.trim();
  const ip = (env().TRUST_PROXY ? first : forwarded?.split(',').at(-1)?.trim()) ?? headers.get('x-real-ip') ?? '';
  return ip.slice(0, 64) || 'unknown';
}
