import { z } from 'zod';
import { settingDefaults, type SettingKey } from './defaults';

function isZone(zone: string): boolean {
  return zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone);
}

const num = (label: string) => z.number({ error: `${label} must be a number.` });

/** Each setting's schema: what PATCH /api/v1/settings accepts and what a stored value must be to be used. */
export const settingSchemas = {
  platform_fee_bps: num('The platform fee').int('The platform fee must be a whole number of basis points.').min(0, 'The platform fee must be 0 or more.').max(10_000, 'The platform fee must be at most 10000 basis points (100%).'),
  // Fractions of a minute are allowed so tests can use holds of a few seconds.
  hold_minutes: num('The hold').positive('The hold must be longer than 0 minutes.').max(24 * 60, 'The hold must be at most 1440 minutes (a day).'),
  cancellation_window_hours: num('The cancellation window').min(0, 'The cancellation window must be 0 hours or more.').max(24 * 30, 'The cancellation window must be at most 720 hours (30 days).'),
  provider_label: z.string({ error: 'The word for providers must be text.' }).trim().min(1, 'The word for providers is required.').max(40, 'The word for providers must be at most 40 characters.'),
  default_currency: z.string({ error: 'The currency must be text.' }).regex(/^[a-z]{3}$/, 'The currency must be a lower-case ISO code of three letters, like gbp.'),
  payments_enabled: z.boolean({ error: 'Card payments must be true (on) or false (off).' }),
  checkout_mode: z.enum(['payment_element', 'hosted'], { error: 'Checkout must be payment_element or hosted.' }),
  practice_name: z.string({ error: 'The practice name must be text.' }).trim().min(1, 'The practice name is required.').max(80, 'The practice name must be at most 80 characters.'),
  reminder_hours: num('The reminder time').positive('Reminders must go more than 0 hours before.').max(24 * 14, 'Reminders can go at most 336 hours (14 days) before.'),
  auto_complete_hours: num('The auto-complete delay').positive('The auto-complete delay must be more than 0 hours.').max(24 * 30, 'The auto-complete delay must be at most 720 hours (30 days).'),
  payout_schedule: z.enum(['manual', 'weekly'], { error: 'The payout schedule must be manual or weekly.' }),
  platform_time_zone: z.string({ error: 'The zone must be text.' }).min(1, 'The zone is required.').refine(isZone, 'An IANA time zone, e.g. Europe/London.'),
} satisfies Record<SettingKey, z.ZodType>;

export type Settings = { [K in SettingKey]: z.infer<(typeof settingSchemas)[K]> };

export const settingKeys = Object.keys(settingDefaults) as SettingKey[];

/** PATCH /api/v1/settings {key: value, ...}: any number of settings at once, each validated by its own schema. */
export const updateSettingsBody = z
  .strictObject(Object.fromEntries(settingKeys.map((k) => [k, settingSchemas[k].optional()])) as { [K in SettingKey]: z.ZodOptional<(typeof settingSchemas)[K]> })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Send at least one setting.' });
export type UpdateSettingsBody = z.infer<typeof updateSettingsBody>;

export type SettingInput =
  | { type: 'integer' | 'number'; min: number; /** The value must be more than min, not equal to it. */ min_exclusive: boolean; max: number; unit: string }
  | { type: 'text'; max_length: number }
  | { type: 'choice'; options: { value: string; label: string }[] }
  | { type: 'switch' }
  | { type: 'time_zone' };

export interface SettingInfo {
  label: string;
  /** What it does, in the product's words. */
  description: string;
  input: SettingInput;
}

/** What the settings page and GET /api/v1/settings say of each setting: its name, its effect and its range. */
export const settingInfo: Record<SettingKey, SettingInfo> = {
  platform_fee_bps: {
    label: 'Default platform fee',
    description: 'The platform’s share, in basis points (1500 = 15%), for session types, classes and packages created without a fee of their own. Each payment keeps the fee it was created with.',
    input: { type: 'integer', min: 0, min_exclusive: false, max: 10_000, unit: 'basis points' },
  },
  hold_minutes: {
    label: 'Seat hold',
    description: 'How long a booking awaiting payment holds its seat or slot; then it expires and the seat is free again. New bookings only.',
    input: { type: 'number', min: 0, min_exclusive: true, max: 1440, unit: 'minutes' },
  },
  cancellation_window_hours: {
    label: 'Cancellation window',
    description: 'A client cancelling at least this many hours before the start gets a full refund or the credit back; later, nothing back unless an admin overrides. Rescheduling follows the same window.',
    input: { type: 'number', min: 0, min_exclusive: false, max: 720, unit: 'hours' },
  },
  provider_label: {
    label: 'Word for providers',
    description: 'What providers are called where the app names the role (a provider’s account menu, the users list): trainer, listener, therapist, instructor.',
    input: { type: 'text', max_length: 40 },
  },
  default_currency: {
    label: 'Default currency',
    description: 'The currency offered first for new prices (session types, classes, packages) and for totals with no payments yet.',
    input: { type: 'text', max_length: 3 },
  },
  payments_enabled: {
    label: 'Card payments',
    description:
      'When off, priced bookings are confirmed at once without payment (settle them at the studio) and class passes are not sold. Bookings already waiting for a card keep their hold. The server’s PAYMENTS_ENABLED=false switches them off whatever this says.',
    input: { type: 'switch' },
  },
  checkout_mode: {
    label: 'Card checkout',
    description: 'How clients pay by card: the Payment Element on our own page, or Stripe’s hosted Checkout page.',
    input: {
      type: 'choice',
      options: [
        { value: 'payment_element', label: 'Payment Element on our page' },
        { value: 'hosted', label: 'Stripe-hosted Checkout page' },
      ],
    },
  },
  practice_name: {
    label: 'Practice name',
    description: 'The name on every e-mail, receipt and calendar entry.',
    input: { type: 'text', max_length: 80 },
  },
  reminder_hours: {
    label: 'Reminder',
    description: 'How long before a session or class its reminder e-mail goes.',
    input: { type: 'number', min: 0, min_exclusive: true, max: 336, unit: 'hours' },
  },
  auto_complete_hours: {
    label: 'Auto-complete',
    description: 'A session or class still open this many hours after its end is completed by the worker, so its earnings become available.',
    input: { type: 'number', min: 0, min_exclusive: true, max: 720, unit: 'hours' },
  },
  payout_schedule: {
    label: 'Payout schedule',
    description: 'Payouts run when an admin asks, or also every Monday at 06:00 in the platform’s zone.',
    input: {
      type: 'choice',
      options: [
        { value: 'manual', label: 'Manual only' },
        { value: 'weekly', label: 'Weekly, Mondays 06:00' },
      ],
    },
  },
  platform_time_zone: {
    label: 'Platform time zone',
    description: 'The platform’s own zone: weekly payouts, the weeks of the earnings chart, and times for visitors with no zone of their own. The weekly payout follows a new zone from the worker’s next start.',
    input: { type: 'time_zone' },
  },
};
