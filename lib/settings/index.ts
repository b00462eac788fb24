import 'server-only';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { settings } from '@/db/schema';
import { settingDefaults, type SettingKey } from './defaults';

const schemas = {
  platform_fee_bps: z.number().int().min(0).max(10_000),
  // Fractions of a minute are allowed so tests can use holds of a few seconds.
  hold_minutes: z.number().positive().max(24 * 60),
  cancellation_window_hours: z.number().min(0).max(24 * 30),
  provider_label: z.string().min(1).max(40),
  default_currency: z.string().regex(/^[a-z]{3}$/),
  checkout_mode: z.enum(['payment_element', 'hosted']),
  practice_name: z.string().trim().min(1).max(80),
  reminder_hours: z.number().positive().max(24 * 14),
  auto_complete_hours: z.number().positive().max(24 * 30),
  payout_schedule: z.enum(['manual', 'weekly']),
  platform_time_zone: z.string().min(1).refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'An IANA time zone, e.g. Europe/London.'),
} satisfies Record<SettingKey, z.ZodType>;

export type Settings = { [K in SettingKey]: z.infer<(typeof schemas)[K]> };

/** Current settings: stored values where valid, defaults otherwise. */
export async function getSettings<K extends SettingKey>(keys: readonly K[]): Promise<Pick<Settings, K>> {
  const rows = await getDb().select().from(settings).where(inArray(settings.key, [...keys]));
  const out = {} as Pick<Settings, K>;
  for (const key of keys) {
    const stored = rows.find((r) => r.key === key);
    const parsed = stored ? schemas[key].safeParse(stored.value) : undefined;
    out[key] = (parsed?.success ? parsed.data : settingDefaults[key]) as Settings[K];
  }
  return out;
}

export async function getSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  return (await getSettings([key]))[key];
}
export { settingDefaults, type SettingKey } from './defaults';
