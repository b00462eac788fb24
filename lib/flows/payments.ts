import 'server-only';
import { bookingPayable } from '@/lib/bookings';
import { packagePayable } from '@/lib/packages';
import { createPayments } from '@/lib/payments';

/**
 * The payable registry: where payments learn what bookings and package
 * purchases are. Payments import none of them; this is the one place the
 * three meet, and everything that pays or is paid goes through `payments`.
 */
export const payments = createPayments({
  booking: bookingPayable,
  package: packagePayable,
});
