import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { stripeEvents } from '@/db/schema';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import type { PayableRegistry } from '@/lib/payables';
import { getStripe } from './stripe-client';
import type { StripeEvent, StripeEventType } from './stripe-types';
import { accountWork, bankPayoutWork, transferWork } from './connect';
import { noteOutcome, noteReceived, type EventSource } from './webhook-log';
import { checkoutSessionWork, paymentIntentWork, refundsWork, type PaymentWork } from './sync';

type Handlers = { [T in StripeEventType]?: (payables: PayableRegistry, event: Extract<StripeEvent, { type: T }>) => Promise<PaymentWork | null> };

const idOf = (ref: string | { id: string } | null | undefined): string | null => (ref == null ? null : typeof ref === 'string' ? ref : ref.id);

function refundsOf(payables: PayableRegistry, ref: string | { id: string } | null | undefined): Promise<PaymentWork | null> {
  const id = idOf(ref);
  return id ? refundsWork(payables, id) : Promise.resolve(null);
}

// Each event is only a signal: the handler reads the current object from Stripe, so order does not matter.
const handlers: Handlers = {
  'payment_intent.succeeded': (p, e) => paymentIntentWork(p, e.data.object.id),
  'payment_intent.payment_failed': (p, e) => paymentIntentWork(p, e.data.object.id),
  'payment_intent.canceled': (p, e) => paymentIntentWork(p, e.data.object.id),
  'payment_intent.requires_action': (p, e) => paymentIntentWork(p, e.data.object.id),
  'payment_intent.processing': (p, e) => paymentIntentWork(p, e.data.object.id),
  'charge.refunded': (p, e) => refundsOf(p, e.data.object.payment_intent),
  'refund.created': (p, e) => refundsOf(p, e.data.object.payment_intent),
  'refund.updated': (p, e) => refundsOf(p, e.data.object.payment_intent),
  'refund.failed': (p, e) => refundsOf(p, e.data.object.payment_intent),
  'checkout.session.completed': (p, e) => checkoutSessionWork(p, e.data.object.id),
  'checkout.session.expired': (p, e) => checkoutSessionWork(p, e.data.object.id),
  // Connect: the connected account's state, the transfers that pay payouts, and the provider's bank payouts.
  'account.updated': (_p, e) => accountWork(e.data.object.id),
  'transfer.created': (_p, e) => transferWork(e.data.object.id),
  'transfer.reversed': (_p, e) => transferWork(e.data.object.id),
  'payout.paid': (_p, e) => Promise.resolve(bankPayoutWork(e.account, e.data.object)),
  'payout.failed': (_p, e) => Promise.resolve(bankPayoutWork(e.account, e.data.object)),
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

export type EventOutcome = 'handled' | 'duplicate' | 'ignored';

/**
 * Has a verified event's effect exactly once. Stripe is read first, outside
 * any transaction; then one transaction records the event id and applies its
 * whole effect (payment row, ledger rows, the payable's outcome, jobs for
 * what must happen after), or rolls all of it back. Two copies handled at
 * once queue on the event's primary key: the second finds it taken and does
 * nothing, unless the first rolled back, in which case the second does the
 * work. A failure throws; the route answers 500 and Stripe delivers again.
 * Whatever happens is noted in webhook_events (the admin's monitor): the
 * receipt before, and 'handled' in the transaction of the effect itself.
 */
export async function handleStripeEvent(payables: PayableRegistry, event: StripeEvent, source: EventSource = 'delivery'): Promise<EventOutcome> {
  await noteReceived(event, source);
  let outcome: EventOutcome;
  try {
    outcome = await handleOnce(payables, event);
  } catch (err) {
    await noteOutcome(getDb(), event.id, 'failed', (err as Error)?.message ?? 'failed').catch(() => undefined);
    throw err;
  }
  if (outcome !== 'handled') await noteOutcome(getDb(), event.id, outcome);
  return outcome;
}

async function handleOnce(payables: PayableRegistry, event: StripeEvent): Promise<EventOutcome> {
  const [seen] = await getDb().select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).limit(1);
  if (seen) return 'duplicate';
  const handler = handlers[event.type] as ((p: PayableRegistry, e: StripeEvent) => Promise<PaymentWork | null>) | undefined;
  if (!handler) return 'ignored';
  const work = await handler(payables, event);
  return getDb().transaction(async (tx) => {
    const [recorded] = await tx.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing().returning({ id: stripeEvents.id });
    if (!recorded) return 'duplicate';
    if (work) await work(tx);
    await noteOutcome(tx, event.id, 'handled');
    return 'handled';
  });
}
