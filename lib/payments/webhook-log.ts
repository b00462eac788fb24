import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import type { StripeEvent } from './stripe-types';
import type { EventOutcome } from './webhook';

/** How an event reached the handler: Stripe delivered it, an admin replayed it, or a backfill found it in Stripe's list. */
export type EventSource = 'delivery' | 'replay' | 'backfill';

export type LoggedOutcome = EventOutcome | 'failed';

/**
 * The receipt of a verified event in webhook_events: a delivery counts one
 * more; a backfilled event the app never received is noted with no
 * deliveries; a replay reads the row it already has.
 */
export async function noteReceived(event: StripeEvent, source: EventSource): Promise<void> {
  if (source === 'replay') return;
  const row = {
    id: event.id,
    provider: 'stripe',
    type: event.type,
    account: event.account ?? null,
    payload: event as unknown as Record<string, unknown>,
    deliveryCount: source === 'delivery' ? 1 : 0,
  };
  if (source === 'backfill') {
    await getDb().insert(webhookEvents).values(row).onConflictDoNothing();
    return;
  }
  await getDb()
    .insert(webhookEvents)
    .values(row)
    .onConflictDoUpdate({
      target: webhookEvents.id,
      set: { lastReceivedAt: sql`now()`, deliveryCount: sql`${webhookEvents.deliveryCount} + 1` },
    });
}

const MAX_ERROR = 500;

/**
 * What became of the event. A handled event stays handled: a later copy
 * that finds its effect done is a duplicate of it, not a new outcome.
 */
export async function noteOutcome(db: DbOrTx, id: string, outcome: LoggedOutcome, error?: string): Promise<void> {
  const keep = sql`(${webhookEvents.outcome} = 'handled' and ${outcome} = 'duplicate')`;
  await db
    .update(webhookEvents)
    .set({
      outcome: sql`case when ${keep} then ${webhookEvents.outcome} else ${outcome} end`,
      error: outcome === 'failed' ? (error ?? 'failed').slice(0, MAX_ERROR) : sql`case when ${keep} then ${webhookEvents.error} else null end`,
      processedAt: sql`case when ${keep} then ${webhookEvents.processedAt} else now() end`,
    })
    .where(sql`${webhookEvents.id} = ${id}`);
}
