import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { stripeEvents } from '@/db/schema';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { syncRefunds } from './refund-sync';
import { getStripe } from './stripe-client';
import { syncCheckoutSession } from './hosted-checkout';
import type { StripeEvent, StripeEventType } from './stripe-types';
import { syncPaymentIntent } from './sync';

type Handlers = { [T in StripeEventType]?: (event: Extract<StripeEvent, { type: T }>) => Promise<void> };

const idOf = (ref: string | { id: string } | null | undefined): string | null => (ref == null ? null : typeof ref === 'string' ? ref : ref.id);

async function syncRefundsOf(ref: string | { id: string } | null | undefined): Promise<void> {
  const id = idOf(ref);
  if (id) await syncRefunds(id);
}

// Each event is only a signal: the handler reads the current object from Stripe, so order does not matter.
const handlers: Handlers = {
  'payment_intent.succeeded': (e) => syncPaymentIntent(e.data.object.id),
  'payment_intent.payment_failed': (e) => syncPaymentIntent(e.data.object.id),
  'payment_intent.canceled': (e) => syncPaymentIntent(e.data.object.id),
  'payment_intent.requires_action': (e) => syncPaymentIntent(e.data.object.id),
  'payment_intent.processing': (e) => syncPaymentIntent(e.data.object.id),
  'charge.refunded': (e) => syncRefundsOf(e.data.object.payment_intent),
  'refund.created': (e) => syncRefundsOf(e.data.object.payment_intent),
  'refund.updated': (e) => syncRefundsOf(e.data.object.payment_intent),
  'refund.failed': (e) => syncRefundsOf(e.data.object.payment_intent),
  'checkout.session.completed': (e) => syncCheckoutSession(e.data.object.id),
  'checkout.session.expired': (e) => syncCheckoutSession(e.data.object.id),
};

/** The event, verified against the raw body and STRIPE_WEBHOOK_SECRET (timestamps older than 300 s refused), or null. */
export function verifyStripeEvent(rawBody: string, signature: string | null): StripeEvent | null {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret || !signature) return null;
  try {
    return getStripe().webhooks.constructEvent(rawBody, signature, secret);
  } catch (err) {
    logger.warn('stripe webhook refused', { reason: (err as Error).message });
    return null;
  }
}

/**
 * Has a verified event's effect once. The event id is recorded only after its
 * handler succeeded: the handlers are idempotent by design (conditional updates,
 * ledger rows keyed by Stripe ids), so a crash between the two, or two copies
 * handled at once, only repeats work that changes nothing. A failure throws, the
 * route answers 500 and Stripe retries.
 */
export async function handleStripeEvent(event: StripeEvent): Promise<'handled' | 'duplicate' | 'ignored'> {
  const [seen] = await getDb().select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).limit(1);
  if (seen) return 'duplicate';
  const handler = handlers[event.type] as ((e: StripeEvent) => Promise<void>) | undefined;
  if (!handler) return 'ignored';
  await handler(event);
  await getDb().insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing();
  return 'handled';
}
