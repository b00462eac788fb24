/**
 * Settings an admin can change, with their defaults. Stored as JSON in the
 * `settings` table; a missing row means the default.
 */
export const settingDefaults = {
  /** Platform fee in basis points when a session type, class or package sets none (1500 = 15%). */
  platform_fee_bps: 1500,
  /** Minutes a booking awaiting payment holds its seat. */
  hold_minutes: 15,
  /** A client cancelling at least this many hours before the start is refunded in full. */
  cancellation_window_hours: 24,
  /** The word shown for providers across the app. */
  provider_label: 'Practitioner',
  /** Default currency for new prices. */
  default_currency: 'gbp',
  /** Card payments on or off (when off, priced bookings are confirmed unpaid and passes are not sold); the PAYMENTS_ENABLED environment variable can only switch them off too. */
  payments_enabled: true as boolean,
  /** How clients pay by card: the Payment Element on our page, or Stripe's hosted Checkout page. */
  checkout_mode: 'payment_element' as 'payment_element' | 'hosted',
  /** The practice's name, on every e-mail and calendar entry. */
  practice_name: 'Wellbook',
  /** How long before a session its reminder e-mail goes. */
  reminder_hours: 24,
  /** The worker completes a class or 1:1 session still open this many hours after its end, so its earning becomes available. */
  auto_complete_hours: 12,
  /** Payouts run when an admin asks ('manual'), or also by the worker every Monday 06:00 in the platform's zone ('weekly'). */
  payout_schedule: 'manual' as 'manual' | 'weekly',
  /** The platform's own zone: weekly payouts and the weeks of the earnings chart. */
  platform_time_zone: 'Europe/London',
} as const;

export type SettingKey = keyof typeof settingDefaults;
