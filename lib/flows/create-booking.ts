import 'server-only';
import { type CreateBookingBody, createBooking, type BookingDto } from '@/lib/bookings';
import { userActor, payWithCredit } from '@/lib/credits';
import { AppError, isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { MpesaPaymentDto, StartedPayment } from '@/lib/payments';
import { mpesaAmountProblem, requirePhone } from '@/lib/payments';
import { getClass, getSessionType } from '@/lib/schedule';
import type { PublicUser } from '@/lib/users';
import { payments } from './payments';

type NewBookingPayment = StartedPayment | MpesaPaymentDto | null;

/**
 * Books for a client and starts what pays for it: with `pay_with: "credit"`
 * one use of a credit, in the booking's own transaction (confirmed at once);
 * with `pay_with: "mpesa"` an STK Push to `phone` (the phone, the currency and
 * the amount checked before anything is booked); otherwise the card payment of
 * a booking awaiting one. A provider's failure leaves `payment` null (with
 * `payment_error` for M-Pesa) and never loses the booking.
 */
export async function bookAndPay(
  client: PublicUser,
  body: CreateBookingBody,
): Promise<{ booking: BookingDto; payment: NewBookingPayment; payment_error?: { code: string; message: string } }> {
  if (body.pay_with === 'mpesa') {
    requirePhone(body.phone);
    await refuseUnpayableByMpesa(body);
  }
  const booking = await createBooking(client, body, payWithCredit(userActor(client.id)));
  if (body.pay_with !== 'mpesa') {
    return { booking, payment: await payments.forNewPayable(booking.payable, client, booking.status === 'pending_payment') };
  }
  if (booking.status !== 'pending_payment') return { booking, payment: null };
  try {
    return { booking, payment: await payments.startMpesa(booking.payable, client, { phone: body.phone }) };
  } catch (err) {
    if (!isAppError(err)) throw err;
    // Booked and held: the client asks again through POST /bookings/:id/payment.
    logger.warn('could not send the M-Pesa prompt of a new booking', { booking_id: booking.id, code: err.code });
    return { booking, payment: null, payment_error: { code: err.code, message: err.message } };
  }
}

/** The price M-Pesa would be asked for must be KES, whole shillings, at most 250,000: refused before any hold. */
async function refuseUnpayableByMpesa(body: CreateBookingBody): Promise<void> {
  let price;
  if ('class_id' in body) {
    price = (await getClass(body.class_id))?.price;
  } else {
    const type = await getSessionType(body.session_type_id);
    price = type ? (type.deposit ?? type.price) : undefined;
  }
  // An unknown class or session type, or a free one: booking says what is wrong.
  if (!price || price.amount === 0) return;
  const problem = mpesaAmountProblem(price);
  if (problem) throw new AppError('unprocessable', problem.message, { fields: { [problem.field]: [problem.message] } });
}
