import type { Money } from '@/lib/money';

/**
 * Every e-mail the app sends, by template name, with the data its template
 * renders from. The data is a snapshot taken in the transaction of the
 * change that causes the message, so a later change never rewrites an old
 * e-mail. No health answer or clearance note is ever part of it.
 */

/** A booking as the messages about it show it. Times are ISO instants; zones are IANA names. */
export interface BookingSnapshot {
  booking_id: string;
  /** The calendar entry's id: the first booking of a chain of reschedules, so the UID never changes. */
  calendar_id: string;
  kind: 'class' | 'session';
  /** The class title or the session type's name. */
  title: string;
  starts_at: string;
  ends_at: string;
  /** The provider's zone (the calendar entry's TZID label) and the zone shown to the client. */
  provider_zone: string;
  client_zone: string;
  location: string | null;
  online_url: string | null;
  provider_name: string;
  provider_email: string;
  client_name: string;
  client_email: string;
  /** What was paid for it, or null (free, or a credit). */
  paid: Money | null;
  /** True when a class credit paid for it. */
  credit_used: boolean;
  /** Hours before the start within which a client's cancellation is not refunded. */
  cancellation_window_hours: number;
  /** The calendar entry's SEQUENCE (rises on every change). */
  sequence: number;
}

export interface MessageData {
  /** To the client: with an .ics (METHOD:REQUEST). */
  booking_confirmed: { booking: BookingSnapshot };
  /** To the provider: someone booked. */
  booking_new_for_provider: { booking: BookingSnapshot };
  payment_receipt: { booking: BookingSnapshot | null; description: string; amount: Money; card_brand: string | null; card_last4: string | null; receipt_url: string | null; paid_at: string };
  /** The card was declined; the hold lasts until `hold_expires_at`. */
  payment_failed: { booking: BookingSnapshot; amount: Money; reason: string | null; hold_expires_at: string | null };
  refund_issued: { description: string; amount: Money; to: 'card' | 'mpesa' | 'credit'; booking: BookingSnapshot | null };
  credit_granted: { package_name: string; uses: number; expires_at: string };
  credit_used: { package_name: string; remaining: number; booking: BookingSnapshot };
  credit_returned: { package_name: string; remaining: number; booking: BookingSnapshot };
  credit_expiring: { package_name: string; remaining: number; expires_at: string };
  /** To the client: with an .ics (METHOD:CANCEL). `by` is who cancelled; `refund` what comes back. */
  booking_cancelled: { booking: BookingSnapshot; by: 'client' | 'provider' | 'admin'; reason: string; refund: 'card' | 'credit' | 'none' };
  booking_cancelled_for_provider: { booking: BookingSnapshot; by: 'client' | 'provider' | 'admin'; reason: string };
  /** With an updated .ics (same UID, higher SEQUENCE). */
  booking_rescheduled: { booking: BookingSnapshot; previous_starts_at: string };
  waitlist_offer: { booking: BookingSnapshot; hold_expires_at: string };
  session_reminder: { booking: BookingSnapshot };
  questionnaire_renewal: { expires_at: string; days_left: number };
  payout_sent: { payout_id: string; amount: Money; method: 'stripe' | 'manual'; reference: string | null; line_count: number };
  /** To admins. */
  questionnaire_flagged: { client_name: string; client_id: string; questionnaire_id: string };
  payment_auto_refunded: { payment_id: string; amount: Money; description: string; client_name: string };
  mail_failed: { message_id: string; template: string; recipient: string; attempts: number; last_error: string };
  /** The forgotten-password link; the token is sealed (templates/account.tsx), never stored in clear. */
  password_reset: { token_sealed: string; expires_at: string };
}

export type Template = keyof MessageData;

/** Reminders can be turned off by their recipient; every other message is transactional and always goes. */
export const REMINDER_TEMPLATES: readonly Template[] = ['session_reminder', 'questionnaire_renewal', 'credit_expiring'];

export interface MessageContext {
  /** The practice's name (setting `practice_name`). */
  practice_name: string;
  /** Absolute base of every link, from APP_URL, without a trailing slash. */
  app_url: string;
  recipient_name: string;
  /** One-click unsubscribe link for reminders (List-Unsubscribe), or null for transactional messages. */
  unsubscribe_url: string | null;
}

export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  attachments: Attachment[];
}
