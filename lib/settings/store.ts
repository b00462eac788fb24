import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { settings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import type { PublicUser } from '@/lib/users';
import { settingDefaults, type SettingKey } from './defaults';
import { settingInfo, settingKeys, settingSchemas, type SettingInput, type Settings, type UpdateSettingsBody } from './schemas';

/** Current settings: stored values where valid, defaults otherwise. */
export async function getSettings<K extends SettingKey>(keys: readonly K[]): Promise<Pick<Settings, K>> {
  const rows = await getDb().select().from(settings).where(inArray(settings.key, [...keys]));
  const out = {} as Pick<Settings, K>;
  for (const key of keys) {
    const stored = rows.find((r) => r.key === key);
    const parsed = stored ? settingSchemas[key].safeParse(stored.value) : undefined;
    out[key] = (parsed?.success ? parsed.data : settingDefaults[key]) as Settings[K];
  }
  return out;
}

export async function getSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  return (await getSettings([key]))[key];
}

/** Whether card payments are taken: the deployment allows them (PAYMENTS_ENABLED) and an admin has not switched them off. */
export async function paymentsEnabled(): Promise<boolean> {
  return env().PAYMENTS_ENABLED && (await getSetting('payments_enabled'));
}

export interface SettingDto {
  key: SettingKey;
  label: string;
  description: string;
  value: string | number | boolean;
  default: string | number | boolean;
  input: SettingInput;
  /** When an admin last changed it; null while it has its default. */
  updated_at: string | null;
}

/** Every setting with its value now, its default, and what it does (GET /api/v1/settings). */
export async function listSettings(): Promise<SettingDto[]> {
  const rows = await getDb().select().from(settings);
  const values = await getSettings(settingKeys);
  return settingKeys.map((key) => ({
    key,
    ...settingInfo[key],
    value: values[key],
    default: settingDefaults[key],
    updated_at: rows.find((r) => r.key === key)?.updatedAt.toISOString() ?? null,
  }));
}

/**
 * Stores the settings sent (PATCH /api/v1/settings), each change audited with
 * its value before and after, in one transaction. A change applies from then
 * on: prices, holds and payments already made keep what they were made with.
 */
export async function updateSettings(actor: PublicUser, body: UpdateSettingsBody): Promise<SettingDto[]> {
  const keys = settingKeys.filter((k) => body[k] !== undefined);
  await getDb().transaction(async (tx) => {
    const current = await tx.select().from(settings).where(inArray(settings.key, keys)).for('update');
    for (const key of keys) {
      const stored = current.find((r) => r.key === key);
      const parsed = stored ? settingSchemas[key].safeParse(stored.value) : undefined;
      const before = parsed?.success ? parsed.data : settingDefaults[key];
      const after = body[key];
      if (after === before) continue;
      const at = now();
      if (stored) await tx.update(settings).set({ value: after, updatedAt: at, updatedBy: actor.id }).where(eq(settings.key, key));
      else await tx.insert(settings).values({ key, value: after, updatedAt: at, updatedBy: actor.id }).onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: at, updatedBy: actor.id } });
      await recordAudit(tx, { id: actor.id, role: actor.role }, { action: 'setting.changed', subject_type: 'setting', subject_id: key, before: { value: before }, after: { value: after } });
    }
  });
  return listSettings();
}
