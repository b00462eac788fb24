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
