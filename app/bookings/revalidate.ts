import 'server-only';
import { revalidatePath } from 'next/cache';

/** Every page that lists or shows bookings, after one changed. */
export function revalidateBookingPages(): void {
  revalidatePath('/account', 'layout');
  revalidatePath('/provider/schedule');
  revalidatePath('/admin/bookings', 'layout');
  revalidatePath('/schedule', 'layout');
}
