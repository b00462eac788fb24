import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/crypto';

/** "X is required." when absent, "X must be text." for a number, object or the like. */
function textError(label: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`);
}

export const emailField = z
  .string({ error: textError('E-mail') })
  .trim()
  .min(1, 'E-mail is required.')
  .max(254, 'E-mail must be at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid e-mail address.' }))
  .transform((e) => e.toLowerCase());

export const newPasswordField = z
  .string({ error: textError('Password') })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`);

// Sign-in accepts whatever was typed (within bounds); the hash decides.
export const passwordField = z
  .string({ error: textError('Password') })
  .min(1, 'Password is required.')
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`);

export const nameField = z
  .string({ error: textError('Name') })
  .trim()
  .min(1, 'Name is required.')
  .max(100, 'Name must be at most 100 characters.')
  .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), 'Name must not contain control characters.');

export const registerInput = z.strictObject({ email: emailField, password: newPasswordField, name: nameField });
export type RegisterInput = z.infer<typeof registerInput>;

export const credentialsInput = z.strictObject({ email: emailField, password: passwordField });
export type CredentialsInput = z.infer<typeof credentialsInput>;

/** A phone number as typed ("+44 20 7946 0000", "(212) 555-0100"): E.164-ish, stored as its digits only. */
export const phoneField = z
  .string({ error: textError('Phone') })
  .trim()
  .max(40, 'Phone must be at most 40 characters.')
  .refine((p) => /^\+?[0-9 ().-]*$/.test(p), 'Phone may hold only digits, spaces, brackets, dashes and a leading +.')
  .transform((p) => p.replace(/\D/g, ''))
  .refine((d) => d.length >= 7 && d.length <= 15, 'Enter a phone number of 7 to 15 digits, with its country code.');

let zones: Set<string> | undefined;
/** The IANA zones this runtime knows (and UTC, which some runtimes leave out of the list). */
export function isTimeZone(zone: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return zones.has(zone);
}

export const timeZoneField = z
  .string({ error: textError('Time zone') })
  .refine(isTimeZone, 'Choose a time zone from the list (an IANA name such as Europe/London).');

/** PATCH /api/v1/me: null clears the phone, or the zone ("use my browser's zone"). */
export const profileInput = z.strictObject({
  name: nameField.optional(),
  phone: phoneField.nullable().optional(),
  time_zone: timeZoneField.nullable().optional(),
});
export type ProfileInput = z.infer<typeof profileInput>;

export const changePasswordInput = z.strictObject({ current_password: passwordField, new_password: newPasswordField });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const passwordResetRequestInput = z.strictObject({ email: emailField });

export const passwordResetConfirmInput = z.strictObject({
  token: z.string({ error: textError('Token') }).min(1, 'The link is incomplete.').max(200, 'The link is not valid.'),
  password: newPasswordField,
});
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmInput>;

export const deleteAccountInput = z.strictObject({ password: passwordField });

const roleField = z.enum(['client', 'provider', 'admin'], { error: 'Role must be client, provider or admin.' });

/** GET /api/v1/users: a search on name or e-mail, a role, a page. */
export const listUsersQuery = z.strictObject({
  search: z.string().trim().max(100, 'Search must be at most 100 characters.').optional(),
  role: roleField.optional(),
  page: z.coerce.number({ error: 'page must be a number.' }).int('page must be a whole number.').min(1, 'page starts at 1.').max(100_000).default(1),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

/** PATCH /api/v1/users/:id (admin): only the fields sent change. */
export const updateUserBody = z
  .strictObject({
    role: roleField.optional(),
    // false deactivates (no sign-in, every session and token ends at once); true reactivates.
    active: z.boolean({ error: 'Active must be true or false.' }).optional(),
    name: nameField.optional(),
  })
  .refine((b) => b.role !== undefined || b.active !== undefined || b.name !== undefined, { message: 'Send at least one of role, active or name.' });
export type UpdateUserBody = z.infer<typeof updateUserBody>;
