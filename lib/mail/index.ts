import 'server-only';

/**
 * E-mail: an outbox written with the change that causes each message,
 * delivered after commit by the worker over SMTP, once per cause; calendar
 * entries and feeds; who wants reminders.
 */
export * from './messages';
export { queueMessage, queueToAdmins, remindersOn, type QueuedMessage } from './outbox';
export { deliverDueMessages, deliverMessage, resendMessage, type DeliveryOutcome } from './deliver';
export { getMessage, listMessages, listMessagesQuery, type ListMessagesQuery, type MessagePreviewDto, type OutboxMessageDto } from './queries';
export { unsubscribeUrl, verifyUnsubscribe } from './unsubscribe';
export { notificationsBody, remindersOf, setReminders } from './preferences';
export { createFeed, feedOwner, hasFeed, revokeFeed } from './feeds';
export { bookingIcs, calendarFeed } from './ics';
export { sealResetToken } from './templates';
