import { z } from 'zod';
import { listAuditQuery, type AuditDto } from '@/lib/audit';
import { backfillBody, listWebhookEventsQuery, WEBHOOK_OUTCOMES, type BackfillResult, type WebhookEventDto } from '@/lib/payments';
import { apiModule, describes } from '../registry';
import { id, instant, pageFields } from '../responses/common';

const webhookEvent = describes<WebhookEventDto>()(
  z.object({
    id: z.string().describe("The provider's event id (Stripe's evt_…)."),
    provider: z.string().describe('stripe'),
    type: z.string(),
    account: z.string().nullable().describe('The connected account the event came from, or null.'),
    received_at: instant.describe('First received (or found by a backfill).'),
    last_received_at: instant,
    processed_at: instant.nullable(),
    outcome: z.enum(WEBHOOK_OUTCOMES).describe('handled: its effect was applied; duplicate: the effect was already there; ignored: a type the app does not act on; failed: the handler threw (see error); received: not finished yet.'),
    error: z.string().nullable(),
    delivery_count: z.int().describe('Deliveries by Stripe (0 when only a backfill found it).'),
    replay_count: z.int(),
  }),
);
// The payload is any JSON, so only the listed fields are checked against the DTO.
const webhookEventDetail = webhookEvent.extend({ payload: z.unknown().describe("Stripe's event JSON as received; it holds no card numbers.") });
const outcome = z.enum(['handled', 'duplicate', 'ignored', 'failed']);
const backfillResult = describes<BackfillResult>()(
  z.object({
    since: instant,
    listed: z.int().describe('Events Stripe listed since the instant (platform account).'),
    already_received: z.int().describe('Listed events whose effect the app already had.'),
    handled: z.int(),
    duplicate: z.int(),
    ignored: z.int(),
    failed: z.int(),
  }),
);
const auditEntry = describes<AuditDto>()(
  z.object({
    id,
    at: instant,
    actor: z.object({ id: z.string(), name: z.string().nullable(), role: z.string() }).nullable().describe('Who acted; null for the system (a job).'),
    action: z.string().describe('e.g. payment.refunded, credit.adjusted, user.role_changed, setting.changed, webhook.replayed.'),
    subject_type: z.string(),
    subject_id: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    note: z.string(),
  }),
);

export const operationsAdminApi = apiModule({
  tags: [
    { name: 'Webhooks', description: 'Every verified payment-provider event received, its outcome, replay and backfill (admins).' },
    { name: 'Audit', description: 'The append-only record of every change to money, access or settings (admins).' },
  ],
  schemas: { WebhookEvent: webhookEvent, AuditEntry: auditEntry },
  operations: [
    {
      method: 'get',
      path: '/api/v1/webhook-events',
      operationId: 'listWebhookEvents',
      summary: 'List received webhook events',
      description: 'Newest first by first receipt, without payloads.',
      access: ['admin'],
      query: listWebhookEventsQuery,
      fields: { type: 'Exact type, or a prefix ending in a dot (`payment_intent.`).', from: 'Received from this instant, included.', to: 'Received before this instant.' },
      response: { status: 200, description: 'One page of events.', schema: z.object({ webhook_events: z.array(webhookEvent), ...pageFields }) },
    },
    {
      method: 'get',
      path: '/api/v1/webhook-events/{id}',
      operationId: 'getWebhookEvent',
      summary: 'One webhook event with its payload',
      access: ['admin'],
      params: { id: { description: "The event id (evt_…).", schema: z.string() } },
      response: { status: 200, description: 'The event.', schema: z.object({ webhook_event: webhookEventDetail }) },
      errors: ['not_found'],
    },
    {
      method: 'post',
      path: '/api/v1/webhook-events/{id}/replay',
      operationId: 'replayWebhookEvent',
      summary: 'Run an event’s handler again',
      description:
        'Through the same exactly-once path as a delivery: an event whose effect is already applied replays as a no-op and answers `duplicate`; a failed one is tried again, reading the current object from Stripe. Recorded in the audit log.',
      access: ['admin'],
      params: { id: { description: "The event id (evt_…).", schema: z.string() } },
      response: { status: 200, description: 'What the replay did, and the event now.', schema: z.object({ outcome, error: z.string().nullable(), webhook_event: webhookEvent }) },
      errors: ['not_found'],
    },
    {
      method: 'post',
      path: '/api/v1/webhook-events/backfill',
      operationId: 'backfillWebhookEvents',
      summary: 'Handle the events Stripe sent that never arrived',
      description:
        'Lists Stripe’s events created since `since` (GET /v1/events, every page, at most 10,000) and handles, oldest first, each one whose effect the app does not have, exactly once. Events of connected accounts are not in the platform’s list. Recorded in the audit log.',
      access: ['admin'],
      body: backfillBody,
      fields: { since: 'Events created from this instant.' },
      response: { status: 200, description: 'What was found and done.', schema: backfillResult },
      errors: ['service_unavailable'],
    },
    {
      method: 'get',
      path: '/api/v1/audit',
      operationId: 'listAudit',
      summary: 'The audit log',
      description: 'Newest first. Written in the same transaction as each change; nothing updates or deletes an entry.',
      tags: ['Audit'],
      access: ['admin'],
      query: listAuditQuery,
      fields: { actor: 'The acting user’s id.', action: 'Exact action, or a prefix ending in a dot (`user.`).', from: 'From this instant, included.', to: 'Before this instant.' },
      response: { status: 200, description: 'One page of entries.', schema: z.object({ entries: z.array(auditEntry), ...pageFields }) },
    },
  ],
});
