import { z } from 'zod';
import { updateSettingsBody, type SettingDto } from '@/lib/settings';
import { apiModule, covers } from '../registry';
import { instant } from '../responses/common';

const settingInput = z.union([
  z.object({ type: z.enum(['integer', 'number']), min: z.number(), min_exclusive: z.boolean().describe('The value must be more than min.'), max: z.number(), unit: z.string() }).describe('A number from min to max, both included unless min_exclusive.'),
  z.object({ type: z.literal('text'), max_length: z.int() }),
  z.object({ type: z.literal('choice'), options: z.array(z.object({ value: z.string(), label: z.string() })) }),
  z.object({ type: z.literal('switch') }).describe('true (on) or false (off).'),
  z.object({ type: z.literal('time_zone') }).describe('An IANA zone name, e.g. Europe/London.'),
]);
const setting = covers<SettingDto>()(
  z.object({
    key: z.string(),
    label: z.string(),
    description: z.string().describe('What the setting does.'),
    value: z.union([z.string(), z.number(), z.boolean()]).describe('The value in use now.'),
    default: z.union([z.string(), z.number(), z.boolean()]),
    input: settingInput.describe('Its type and range.'),
    updated_at: instant.nullable().describe('When an admin last changed it; null while it has never been set.'),
  }),
);
const settingsBody = z.object({ settings: z.array(setting) });

export const settingsApi = apiModule({
  tags: [{ name: 'Settings', description: 'The practice’s settings. A change applies to new bookings and payments only: stored fees and splits never change.' }],
  schemas: { Setting: setting },
  operations: [
    {
      method: 'get',
      path: '/api/v1/settings',
      operationId: 'listSettings',
      summary: 'Every setting',
      description: 'Each with its value now, its default, what it does and its range.',
      access: ['admin'],
      response: { status: 200, description: 'Every setting the app reads.', schema: settingsBody },
    },
    {
      method: 'patch',
      path: '/api/v1/settings',
      operationId: 'updateSettings',
      summary: 'Change settings',
      description:
        'Send `{key: value, ...}` for any number of settings; each is validated with its range (400 with a message per key) and every change is audited (`setting.changed`, before and after) in the same transaction. ' +
        'Nothing is changed unless every value sent is valid.',
      access: ['admin'],
      body: updateSettingsBody,
      response: { status: 200, description: 'Every setting, as GET answers.', schema: settingsBody },
    },
  ],
});
