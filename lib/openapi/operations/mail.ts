import { z } from 'zod';
import { outboxState } from '@/db/schema';
import { listMessagesQuery, notificationsBody } from '@/lib/mail';
import { apiModule } from '../registry';

const outboxMessage = z.object({
  id: z.string().uuid(),
  recipient: z.string(),
  template: z.string(),
  subject: z.string().nullable(),
  state: z.enum(outboxState.enumValues),
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  message_id: z.string().describe('The Message-ID header, fixed per message: a resend after a crash carries the same one.'),
  created_at: z.string(),
  sent_at: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
});
const messagePreview = outboxMessage.extend({
  rendered: z.object({
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    headers: z.record(z.string(), z.string()),
    attachments: z.array(z.object({ filename: z.string(), content_type: z.string(), content: z.string() })),
  }),
});
const ics = z.string().describe('An iCalendar (RFC 5545) document.');
const notifications = z.object({ reminders: z.boolean() });

export const mailApi = apiModule({
  tags: [
    { name: 'Mail', description: 'The e-mail outbox (admins): every message, its state and attempts.' },
    { name: 'Calendar', description: 'Calendar entries of bookings and private calendar feeds.' },
  ],
  schemas: { OutboxMessage: outboxMessage, OutboxMessagePreview: messagePreview },
  operations: [
    {
      method: 'get',
      path: '/api/v1/mail/messages',
      operationId: 'listOutboxMessages',
      summary: 'List outbox messages',
      description: 'Newest first, filtered by state and by a part of the recipient address.',
      access: ['admin'],
      query: listMessagesQuery,
      response: { status: 200, description: 'A page of messages.', schema: z.object({ messages: z.array(outboxMessage), total: z.number().int(), page: z.number().int(), page_size: z.number().int() }) },
    },
    {
      method: 'get',
      path: '/api/v1/mail/messages/{id}',
      operationId: 'getOutboxMessage',
      summary: 'One message, rendered',
      description: 'Its HTML and text parts, headers and attachments, rendered from the data stored with it.',
      access: ['admin'],
      params: { id: 'The message id.' },
      response: { status: 200, description: 'The message.', schema: messagePreview },
      errors: ['not_found'],
    },
    {
      method: 'post',
      path: '/api/v1/mail/messages/{id}/resend',
      operationId: 'resendOutboxMessage',
      summary: 'Send a failed message again',
      description: 'One new attempt, with the same idempotency key and Message-ID; only a `failed` message (409 otherwise).',
      access: ['admin'],
      params: { id: 'The message id.' },
      response: { status: 200, description: 'Queued for a new attempt.', schema: z.object({ message: messagePreview }) },
      errors: ['not_found', 'invalid_transition'],
    },
    {
      method: 'get',
      path: '/api/v1/bookings/{id}/calendar.ics',
      operationId: 'getBookingCalendar',
      summary: 'The booking as a calendar entry',
      description: 'One VEVENT with a UID that stays the same across reschedules and a SEQUENCE that rises on every change; a cancelled booking answers METHOD:CANCEL. For its client, provider and admins.',
      access: 'user',
      params: { id: 'The booking id.' },
      response: { status: 200, description: 'The .ics file.', schema: ics, mediaType: 'text/calendar' },
      errors: ['not_found'],
    },
    {
      method: 'get',
      path: '/api/v1/me/calendar-feed',
      operationId: 'getCalendarFeed',
      summary: 'Whether you have a calendar feed',
      access: 'user',
      response: { status: 200, description: 'Whether a feed URL is live.', schema: z.object({ active: z.boolean() }) },
    },
    {
      method: 'post',
      path: '/api/v1/me/calendar-feed',
      operationId: 'createCalendarFeed',
      summary: 'A new private calendar feed URL',
      description: 'Any calendar app can subscribe to it (GET /api/calendar/{token}.ics, no sign-in): all your upcoming bookings. Shown once; the previous URL stops working.',
      access: 'user',
      response: { status: 201, description: 'The feed URL.', schema: z.object({ url: z.string() }) },
    },
    {
      method: 'delete',
      path: '/api/v1/me/calendar-feed',
      operationId: 'revokeCalendarFeed',
      summary: 'Revoke your calendar feed',
      description: 'Its URL answers 404 from now on.',
      access: 'user',
      response: { status: 200, description: 'Whether a feed was revoked.', schema: z.object({ revoked: z.boolean() }) },
    },
    {
      method: 'get',
      path: '/api/v1/me/notifications',
      operationId: 'getNotificationPreferences',
      summary: 'Your e-mail preferences',
      access: 'user',
      response: { status: 200, description: 'Whether reminders are on.', schema: notifications },
    },
    {
      method: 'put',
      path: '/api/v1/me/notifications',
      operationId: 'setNotificationPreferences',
      summary: 'Turn reminders on or off',
      description: 'Session reminders, questionnaire renewals and expiring credits; confirmations, receipts, refunds and cancellations always go.',
      access: 'user',
      body: notificationsBody,
      response: { status: 200, description: 'The preferences now.', schema: notifications },
    },
  ],
});
