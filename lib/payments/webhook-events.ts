import 'server-only';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { stripeEvents, webhookEvents } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { instantField, isStripeId } from '@/lib/fields';
import { logger } from '@/lib/logger';
import type { PayableRegistry } from '@/lib/payables';
import { getStripe } from './stripe-client';
import type { StripeEvent } from './stripe-types';
import { handleStripeEvent } from './webhook';
import type { LoggedOutcome } from './webhook-log';

/**
 * The admin's webhook monitor: every verified event the app received, what
 * became of it, a replay through the same exactly-once path, and a backfill
 * that asks Stripe for the events of a period and handles those never received.
 */

export const WEBHOOK_OUTCOMES = ['received', 'handled', 'duplicate', 'ignored', 'failed'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** GET /api/v1/webhook-events */
export const listWebhookEventsQuery = z.strictObject({
  // Exact ("payment_intent.succeeded") or a prefix ending in a dot ("payment_intent.").
  type: z.string().trim().max(100).optional(),
  outcome: z.enum(WEBHOOK_OUTCOMES, { error: `outcome must be one of ${WEBHOOK_OUTCOMES.join(', ')}.` }).optional(),
  // On the first receipt, from inclusive, to exclusive.
  from: instantField('from').optional(),
  to: instantField('to').optional(),
  page: z.coerce.number({ error: 'page must be a number.' }).int().min(1).max(100_000).default(1),
  page_size: z.coerce.number({ error: 'page_size must be a number.' }).int().min(1).max(100).default(25),
});
export type ListWebhookEventsQuery = z.infer<typeof listWebhookEventsQuery>;

/** POST /api/v1/webhook-events/backfill */
export const backfillBody = z.strictObject({
  since: instantField('since'),
});

export interface WebhookEventDto {
  id: string;
  provider: string;
  type: string;
  account: string | null;
  received_at: string;
  last_received_at: string;
  processed_at: string | null;
  outcome: WebhookOutcome;
  error: string | null;
  delivery_count: number;
  replay_count: number;
}

type Row = typeof webhookEvents.$inferSelect;

function toDto(row: Row): WebhookEventDto {
  return {
    id: row.id,
    provider: row.provider,
    type: row.type,
    account: row.account,
    received_at: row.receivedAt.toISOString(),
    last_received_at: row.lastReceivedAt.toISOString(),
    processed_at: row.processedAt?.toISOString() ?? null,
    outcome: row.outcome as WebhookOutcome,
    error: row.error,
    delivery_count: row.deliveryCount,
    replay_count: row.replayCount,
  };
}

/** Newest first, without payloads. */
export async function listWebhookEvents(q: ListWebhookEventsQuery): Promise<{ webhook_events: WebhookEventDto[]; total: number; page: number; page_size: number }> {
  const where: SQL[] = [];
  if (q.type) where.push(q.type.endsWith('.') ? sql`${webhookEvents.type} like ${`${q.type.replace(/[%_\\]/g, '\\$&')}%`}` : eq(webhookEvents.type, q.type));
  if (q.outcome) where.push(eq(webhookEvents.outcome, q.outcome));
  if (q.from) where.push(gte(webhookEvents.receivedAt, q.from));
  if (q.to) where.push(lt(webhookEvents.receivedAt, q.to));
  const cond = where.length ? and(...where) : undefined;
  const db = getDb();
  const [rows, [count]] = await Promise.all([
    db.select().from(webhookEvents).where(cond).orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id)).limit(q.page_size).offset((q.page - 1) * q.page_size),
    db.select({ n: sql<number>`count(*)::int` }).from(webhookEvents).where(cond),
  ]);
  return { webhook_events: rows.map(toDto), total: count?.n ?? 0, page: q.page, page_size: q.page_size };
}

/** One event with Stripe's payload, or 404. */
export async function getWebhookEvent(id: string): Promise<WebhookEventDto & { payload: unknown }> {
  // Not a Stripe event id (a NUL, which PostgreSQL refuses in text): no such event, not a failed query.
  if (!isStripeId(id)) throw new AppError('not_found', 'No webhook event with this id was received.');
  const [row] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id)).limit(1);
  if (!row) throw new AppError('not_found', 'No webhook event with this id was received.');
  return { ...toDto(row), payload: row.payload };
}

/** How many events failed (the dashboard's attention list). */
export async function countFailedWebhookEvents(): Promise<number> {
  const [row] = await getDb().select({ n: sql<number>`count(*)::int` }).from(webhookEvents).where(eq(webhookEvents.outcome, 'failed'));
  return row?.n ?? 0;
}

async function runLogged(payables: PayableRegistry, event: StripeEvent, source: 'replay' | 'backfill'): Promise<{ outcome: LoggedOutcome; error: string | null }> {
  try {
    return { outcome: await handleStripeEvent(payables, event, source), error: null };
  } catch (err) {
    const error = (err as Error)?.message ?? 'failed';
    logger.error('stripe event failed', { event_id: event.id, type: event.type, source, message: error });
    return { outcome: 'failed', error };
  }
}

/**
 * Runs the handler again on the stored event. The effect is guarded by the
 * event id as on delivery, so a handled event replays as a no-op and answers
 * 'duplicate'; a failed one is tried again (the handler reads Stripe afresh).
 * The replay and its outcome go in the audit log.
 */
export async function replayWebhookEvent(
  payables: PayableRegistry,
  id: string,
  actor: AuditActor,
): Promise<{ outcome: LoggedOutcome; error: string | null; webhook_event: WebhookEventDto }> {
  if (!isStripeId(id)) throw new AppError('not_found', 'No webhook event with this id was received.');
  const [row] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id)).limit(1);
  if (!row) throw new AppError('not_found', 'No webhook event with this id was received.');
  const before = { outcome: row.outcome, replay_count: row.replayCount };
  const result = await runLogged(payables, row.payload as StripeEvent, 'replay');
  const updated = await getDb().transaction(async (tx) => {
    const [next] = await tx
      .update(webhookEvents)
      .set({ replayCount: sql`${webhookEvents.replayCount} + 1` })
      .where(eq(webhookEvents.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'webhook.replayed',
      subject_type: 'webhook_event',
      subject_id: id,
      before,
      after: { outcome: result.outcome, error: result.error, event_outcome: next?.outcome ?? row.outcome },
    });
    return next ?? row;
  });
  return { ...result, webhook_event: toDto(updated) };
}

export interface BackfillResult {
  since: string;
  listed: number;
  already_received: number;
  handled: number;
  duplicate: number;
  ignored: number;
  failed: number;
}

/** At most this many events are read from Stripe in one backfill; ask again with a later `since` for more. */
const BACKFILL_LIMIT = 10_000;

/**
 * Lists Stripe's events created since an instant (GET /v1/events, page by
 * page) and handles, oldest first, each one the app has no effect for yet:
 * a webhook Stripe could not deliver is repaired without waiting for the
 * reconciliation job. Events of connected accounts are not in the platform's
 * list; account and payout state is re-read by reconciliation instead.
 */
export async function backfillStripeEvents(payables: PayableRegistry, since: Date, actor: AuditActor): Promise<BackfillResult> {
  const events: StripeEvent[] = [];
  for await (const event of getStripe().events.list({ created: { gte: Math.floor(since.getTime() / 1000) }, limit: 100 })) {
    events.push(event);
    if (events.length >= BACKFILL_LIMIT) break;
  }
  events.sort((a, b) => a.created - b.created);
  const result: BackfillResult = { since: since.toISOString(), listed: events.length, already_received: 0, handled: 0, duplicate: 0, ignored: 0, failed: 0 };
  const ids = events.map((e) => e.id);
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const rows = await getDb().select({ id: stripeEvents.id }).from(stripeEvents).where(sql`${stripeEvents.id} in ${chunk}`);
    for (const r of rows) seen.add(r.id);
  }
  for (const event of events) {
    if (seen.has(event.id)) {
      result.already_received += 1;
      continue;
    }
    const { outcome } = await runLogged(payables, event, 'backfill');
    result[outcome] += 1;
  }
  await getDb().transaction((tx) =>
    recordAudit(tx, actor, { action: 'webhook.backfilled', subject_type: 'webhook_events', subject_id: result.since, after: result }),
  );
  return result;
}
