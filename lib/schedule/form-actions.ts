import 'server-only';
import type { UserRole } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/http/errors';
import type { PublicUser } from '@/lib/users/public-user';

/** What a schedule form's server action returns: a form message, per-field messages, or success. */
export interface ScheduleFormState {
  error?: string;
  fields?: Record<string, string[]>;
  /** A short confirmation ("Saved."), shown politely after success. */
  ok?: string;
  /** Changes on each success so forms can reset themselves. */
  savedAt?: number;
}

/** The signed-in user if they hold one of the roles; server actions check this themselves, like pages. */
export async function actionUser(roles: readonly UserRole[]): Promise<PublicUser | null> {
  const user = await getCurrentUser();
  return user && roles.includes(user.role) ? user : null;
}

export const notAllowed: ScheduleFormState = { error: 'Your session has ended or you do not have access. Sign in again.' };

export function text(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === 'string' ? v.trim() : '';
}

/** A whole number typed in a form, or the text itself (so zod reports "must be a number"). */
export function integer(form: FormData, key: string): number | string | undefined {
  const raw = text(form, key);
  if (raw === '') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : raw;
}

/** "55.00" (pounds) to 5500 (pence); anything else is passed on for zod to refuse. */
export function minorUnits(form: FormData, key: string): number | string | undefined {
  const raw = text(form, key).replace(/^[£$€]/, '');
  if (raw === '') return undefined;
  return /^\d+(\.\d{1,2})?$/.test(raw) ? Math.round(Number(raw) * 100) : raw;
}

/** Maps a lib failure to the form: known errors show their message and fields, others are rethrown. */
export function failure(err: unknown, rename: Record<string, string> = {}): ScheduleFormState {
  if (!isAppError(err)) throw err;
  if (!err.fields) return { error: err.message };
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(err.fields)) (fields[rename[key] ?? key] ??= []).push(...messages);
  return { error: 'Please fix the fields marked below.', fields };
}
