import 'server-only';
import { revalidatePath } from 'next/cache';
import type { UserRole } from '@/db/schema';
import type { BookingFormState } from '@/components/bookings/form-state';
import { getCurrentUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/http/errors';
import type { PublicUser } from '@/lib/users/public-user';

export const signedOut: BookingFormState = { error: 'Your session has ended or you do not have access. Sign in again.' };

/** The signed-in user if they hold one of the roles; actions check this themselves, like pages. */
export async function actionUser(roles: readonly UserRole[]): Promise<PublicUser | null> {
  const user = await getCurrentUser();
  return user && roles.includes(user.role) ? user : null;
}

export function field(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === 'string' ? v.trim() : '';
}

/** A lib failure as the form shows it; anything that is not an AppError goes to the error page. */
export function failure(err: unknown): BookingFormState {
  if (!isAppError(err)) throw err;
  return { error: err.message, code: err.code, fields: err.fields };
}

/** Every page that lists or shows bookings, after one changed. */
export function revalidateBookingPages(): void {
  revalidatePath('/account', 'layout');
  revalidatePath('/provider/schedule');
  revalidatePath('/admin/bookings', 'layout');
  revalidatePath('/schedule', 'layout');
}
