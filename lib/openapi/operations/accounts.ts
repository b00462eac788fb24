import { z } from 'zod';
import {
  changePasswordInput,
  deleteAccountInput,
  passwordResetConfirmInput,
  passwordResetRequestInput,
  profileInput,
  type ProfileDto,
} from '@/lib/users';
import { apiModule, describes } from '../registry';
import { instant, user } from '../responses/common';

const profile = describes<ProfileDto>()(
  user.extend({
    phone: z.string().nullable().describe('Digits only, with the country code (E.164 without the +); null when not given.'),
    time_zone: z.string().nullable().describe('The IANA zone times are shown in; null: the browser\'s zone.'),
  }),
);
const profileBody = z.object({ user: profile });
const record = z.record(z.string(), z.unknown());
const accountExport = z.object({
  exported_at: instant,
  profile,
  bookings: z.array(record),
  payments: z.array(record),
  refunds: z.array(record),
  credits: z.array(record),
  credit_entries: z.array(record),
  package_purchases: z.array(record),
  questionnaire: record.nullable().describe('The current questionnaire decrypted (answers, emergency contact) and the dates of earlier ones; null for providers, admins and clients without one.'),
  notification_preferences: z.object({ reminders: z.boolean() }),
  calendar_feed: z.object({ active: z.boolean() }),
  mail: z.array(z.object({ template: z.string(), subject: z.string().nullable(), state: z.string(), created_at: instant, sent_at: instant.nullable() })),
});

export const accountsApi = apiModule({
  tags: [{ name: 'Account', description: 'Your own account: profile, password, forgotten password, data export and deletion.' }],
  schemas: { Profile: profile, AccountExport: accountExport },
  operations: [
    {
      method: 'get',
      path: '/api/v1/me',
      operationId: 'getMe',
      summary: 'The signed-in user',
      access: 'user',
      response: { status: 200, description: 'Who is asking, with their phone and time zone.', schema: profileBody },
    },
    {
      method: 'patch',
      path: '/api/v1/me',
      operationId: 'updateMe',
      summary: 'Edit your profile',
      description: 'Only the fields sent change. `null` clears the phone, or the zone (times then follow the browser).',
      access: 'user',
      body: profileInput,
      fields: {
        phone: 'As typed ("+44 20 7946 0000"): 7 to 15 digits with the country code; stored as digits.',
        time_zone: 'An IANA zone name such as `Europe/London`; anything else is 400.',
      },
      response: { status: 200, description: 'The profile now.', schema: profileBody },
    },
    {
      method: 'delete',
      path: '/api/v1/me',
      operationId: 'deleteMe',
      summary: 'Delete your account',
      description:
        'Needs your password. Erases your questionnaires, name, e-mail, phone, time zone, calendar feed and every session and token; payments, refunds, credits, their ledger and earnings are kept for the accounts, anonymised (the name becomes "Deleted user"). ' +
        'Refused with 409 for the last admin, while you have upcoming bookings (cancel them first), and for providers while they have upcoming classes or earnings not paid out.',
      access: 'user',
      body: deleteAccountInput,
      response: { status: 204, description: 'Deleted; the session that asked has ended too.' },
      errors: ['conflict'],
    },
    {
      method: 'post',
      path: '/api/v1/me/password',
      operationId: 'changePassword',
      summary: 'Change your password',
      description: 'A wrong current password is 400 with a field error. Every session ends, the one that asked included, and every bearer token is revoked: sign in again with the new password.',
      access: 'user',
      body: changePasswordInput,
      response: { status: 204, description: 'Changed.' },
    },
    {
      method: 'get',
      path: '/api/v1/me/export',
      operationId: 'exportMe',
      summary: 'Export your data',
      description: 'A JSON download (Content-Disposition: attachment) of everything the app holds on you, your questionnaire decrypted.',
      access: 'user',
      response: { status: 200, description: 'The export.', schema: accountExport },
    },
    {
      method: 'post',
      path: '/api/v1/auth/password-reset',
      operationId: 'requestPasswordReset',
      summary: 'Forgotten password: e-mail a reset link',
      description: 'Answers 202 with the same body whether or not the address has an account; if it has, a link to `/reset-password?token=…` is e-mailed, valid for an hour, once. A few requests per address an hour.',
      access: 'public',
      body: passwordResetRequestInput,
      response: { status: 202, description: 'Accepted.', schema: z.object({ message: z.string() }) },
      errors: ['rate_limited'],
    },
    {
      method: 'post',
      path: '/api/v1/auth/password-reset/confirm',
      operationId: 'confirmPasswordReset',
      summary: 'Choose a new password with a reset link',
      description: 'The token from the e-mailed link works once and for an hour (400 with a field error otherwise). Every session and bearer token of the account ends.',
      access: 'public',
      body: passwordResetConfirmInput,
      response: { status: 204, description: 'The new password is set.' },
    },
  ],
});
