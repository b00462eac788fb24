import 'server-only';
import { revalidatePath } from 'next/cache';

/** Every page that lists or shows bookings, after one changed. */
export function revalidateBookingPages(): void {
  revalidatePath('/account', 'layout');
  // The schedule, the practice's agenda and each class roster.
  revalidatePath('/provider', 'layout');
  revalidatePath('/admin/bookings', 'layout');
  revalidatePath('/schedule', 'layout');
}
