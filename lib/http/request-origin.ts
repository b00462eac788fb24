import 'server-only';
import { headers } from 'next/headers';

/** This app's base URL as the browser reached it, for return addresses given to Stripe. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
}
