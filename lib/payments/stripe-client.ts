import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * The one place the app builds its Stripe SDK. With STRIPE_API_BASE set (the
 * offline emulator), the unchanged SDK is pointed at it through its host,
 * port and protocol options; otherwise it talks to Stripe itself.
 */
export function stripeOptions(apiBase: string | undefined): Stripe.StripeConfig {
  const options: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: 'Wellbook' } };
  if (!apiBase) return options;
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { ...options, host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

let client: Stripe | undefined;

export function getStripe(): Stripe {
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE } = env();
  if (!STRIPE_SECRET_KEY) {
    throw new AppError('service_unavailable', 'Card payments are not configured (STRIPE_SECRET_KEY is not set).');
  }
  client ??= new Stripe(STRIPE_SECRET_KEY, stripeOptions(STRIPE_API_BASE));
  return client;
}

/** What the browser needs: the publishable key, and the Stripe.js stand-in's URL when running against the emulator. */
export function browserStripeConfig(): { publishableKey: string | null; stripeJsUrl: string | null } {
  const { STRIPE_PUBLISHABLE_KEY, STRIPE_API_BASE } = env();
  return {
    publishableKey: STRIPE_PUBLISHABLE_KEY ?? null,
    stripeJsUrl: STRIPE_API_BASE ? new URL('/js/stripe.js', STRIPE_API_BASE).toString() : null,
  };
}
