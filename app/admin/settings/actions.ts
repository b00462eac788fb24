'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/http';
import { settingInfo, settingKeys, updateSettings, updateSettingsBody } from '@/lib/settings';

/** A number as typed; other text goes on as it is, so the setting's schema refuses it in its own words. */
function numberOrText(value: string): number | string {
  const v = value.trim();
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** PATCH /api/v1/settings with every setting of the form; only the changed ones are stored and audited. */
export const updateSettingsAction = formAction(
  {
    access: ['admin'],
    schema: updateSettingsBody,
    body: (input) =>
      Object.fromEntries(
        settingKeys.map((key) => {
          const raw = input.text(key);
          const type = settingInfo[key].input.type;
          if (type === 'switch') return [key, raw === 'true' ? true : raw === 'false' ? false : raw];
          return [key, type === 'integer' || type === 'number' ? numberOrText(raw) : raw];
        }),
      ),
    keep: settingKeys,
  },
  async ({ user, body }) => {
    await updateSettings(user, body);
    revalidatePath('/', 'layout');
    return { ok: 'Settings saved. They apply to new bookings and payments from now on.' };
  },
);
