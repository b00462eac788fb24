import type { BookingSnapshot, MessageContext, MessageData, Template } from '@/lib/mail/messages';
import { sealResetToken } from '@/lib/mail/templates/account';

/** The reset link's token is sealed with the app's key: unit runs have no environment, so a fixed test one. */
function sealedSampleToken(): string {
  process.env.QUESTIONNAIRE_KEY ??= Buffer.alloc(32, 7).toString('base64');
  process.env.DATABASE_URL ??= 'postgres://unused.invalid/unused';
  process.env.AUTH_SECRET ??= 'mail-samples-never-sign-anything-with-this';
  return sealResetToken('rst_sample');
}

/** Sample data for every template, for the mail tests and for looking at the messages. */

export const APP_URL = 'https://wellbook.test';

export const sampleCtx: MessageContext = {
  practice_name: 'Calm Studio',
  app_url: APP_URL,
  recipient_name: 'Bea',
  unsubscribe_url: null,
};

export function sampleBooking(overrides: Partial<BookingSnapshot> = {}): BookingSnapshot {
  return {
    booking_id: 'bk_123',
    calendar_id: 'bk_123',
    kind: 'class',
    title: 'Morning Flow',
    // Sun 29 Mar 2026, 09:00 in London (BST), 04:00 in New York (EDT).
    starts_at: '2026-03-29T08:00:00.000Z',
    ends_at: '2026-03-29T09:00:00.000Z',
    provider_zone: 'Europe/London',
    client_zone: 'America/New_York',
    location: 'Studio 1, 12 High Street',
    online_url: null,
    provider_name: 'Ana Reyes',
    provider_email: 'ana@wellbook.test',
    client_name: 'Bea Client',
    client_email: 'bea@wellbook.test',
    paid: { amount: 1500, currency: 'gbp' },
    credit_used: false,
    cancellation_window_hours: 24,
    sequence: 1,
    ...overrides,
  };
}

const booking = sampleBooking();
const gbp = (amount: number) => ({ amount, currency: 'gbp' });

export const samples: { [T in Template]: MessageData[T] } = {
  booking_confirmed: { booking },
  booking_new_for_provider: { booking },
  payment_receipt: {
    booking,
    description: 'Morning Flow',
    amount: gbp(1500),
    card_brand: 'visa',
    card_last4: '4242',
    receipt_url: 'https://pay.stripe.test/receipts/1',
    paid_at: '2026-03-20T10:00:00.000Z',
  },
  payment_failed: { booking, amount: gbp(1500), reason: 'Your card has insufficient funds.', hold_expires_at: '2026-03-20T10:15:00.000Z' },
  refund_issued: { description: 'Morning Flow', amount: gbp(1500), to: 'card', booking },
  credit_granted: { package_name: '5 Class Pass', uses: 5, expires_at: '2026-06-20T10:00:00.000Z' },
  credit_used: { package_name: '5 Class Pass', remaining: 4, booking: sampleBooking({ paid: null, credit_used: true }) },
  credit_returned: { package_name: '5 Class Pass', remaining: 5, booking: sampleBooking({ paid: null, credit_used: true }) },
  credit_expiring: { package_name: '5 Class Pass', remaining: 2, expires_at: '2026-06-20T10:00:00.000Z' },
  booking_cancelled: { booking: sampleBooking({ sequence: 2 }), by: 'client', reason: 'Feeling unwell', refund: 'card' },
  booking_cancelled_for_provider: { booking: sampleBooking({ sequence: 2 }), by: 'client', reason: 'Feeling unwell' },
  booking_rescheduled: { booking: sampleBooking({ sequence: 2 }), previous_starts_at: '2026-03-28T08:00:00.000Z' },
  waitlist_offer: { booking, hold_expires_at: '2026-03-28T12:00:00.000Z' },
  session_reminder: { booking: sampleBooking({ kind: 'session', title: 'Sports Massage', location: null, online_url: 'https://meet.wellbook.test/r/1' }) },
  questionnaire_renewal: { expires_at: '2026-04-10T00:00:00.000Z', days_left: 14 },
  payout_sent: { payout_id: 'po_1', amount: gbp(12_750), method: 'stripe', reference: 'tr_123', line_count: 9 },
  questionnaire_flagged: { client_name: 'Bea Client', client_id: 'usr_9', questionnaire_id: 'q_7' },
  payment_auto_refunded: { payment_id: 'pay_5', amount: gbp(1500), description: 'Morning Flow', client_name: 'Bea Client' },
  mail_failed: { message_id: 'msg_1', template: 'booking_confirmed', recipient: 'bea@wellbook.test', attempts: 5, last_error: '550 mailbox unavailable' },
  password_reset: { token_sealed: sealedSampleToken(), expires_at: '2026-03-20T11:00:00.000Z' },
};
