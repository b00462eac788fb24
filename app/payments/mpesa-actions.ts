'use server';

import { getCurrentUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { isPaymentId, isUuid } from '@/lib/fields';
import { payments, startPackagePurchase } from '@/lib/flows';
import { requestOrigin } from '@/lib/http';
import { paymentStatusFor } from '@/lib/payments';

/**
 * The pay pages' M-Pesa button: sends the STK Push to the phone typed in (the
 * amount and currency are the server's) and says where the client waits for
 * it. After a failed prompt the same action is the resend.
 */
export type StartedMpesa = { ok: true; paymentId: string; checkoutRequestId: string; waitPath: string; maskedPhone: string } | { ok: false; message: string; phoneError?: string };

const signedOut: StartedMpesa = { ok: false, message: 'Your session has ended. Sign in again.' };

async function started(send: () => Promise<{ id: string; phone: string; checkout_request_id: string }>): Promise<StartedMpesa> {
  try {
    const payment = await send();
    return { ok: true, paymentId: payment.id, checkoutRequestId: payment.checkout_request_id, maskedPhone: payment.phone, waitPath: `/account/payments/${encodeURIComponent(payment.id)}/mpesa` };
  } catch (err) {
    // Refusals (a bad phone, a prompt still waiting, Daraja unreachable) are shown as they are.
    if (isAppError(err)) return { ok: false, message: err.message, ...(err.fields?.phone ? { phoneError: err.message } : {}) };
    throw err;
  }
}

/** The STK Push of the signed-in client's booking awaiting payment. */
export async function startBookingMpesaAction(bookingId: string, phone: string): Promise<StartedMpesa> {
  const client = await getCurrentUser();
  if (!client || client.role !== 'client') return signedOut;
  if (!isUuid(bookingId)) return { ok: false, message: 'No such booking.' };
  return started(() => payments.startMpesa({ type: 'booking', id: bookingId }, client, { phone: String(phone) }));
}

/** The signed-in client's open purchase of a package, paid by STK Push. */
export async function startPackageMpesaAction(packageId: string, phone: string): Promise<StartedMpesa> {
  const client = await getCurrentUser();
  if (!client || client.role !== 'client') return signedOut;
  if (!isUuid(packageId)) return { ok: false, message: 'No such class pass.' };
  return started(async () => {
    const purchase = await startPackagePurchase(packageId, client, await requestOrigin(), { pay_with: 'mpesa', phone: String(phone) });
    if (purchase.mode !== 'mpesa') throw new Error('expected an M-Pesa payment');
    return purchase.payment;
  });
}

/**
 * The resend from the waiting page: the payable is the payment's own (a booking or a package purchase);
 * an empty phone sends it to the number the last prompt went to.
 */
export async function resendMpesaAction(paymentId: string, phone: string): Promise<StartedMpesa> {
  const client = await getCurrentUser();
  if (!client || client.role !== 'client') return signedOut;
  // Payment ids are the provider's (pi_…, mp_…), not uuids.
  if (!isPaymentId(paymentId)) return { ok: false, message: 'No such payment.' };
  return started(async () => {
    const status = await paymentStatusFor(client, paymentId);
    const type = status.payable.type === 'package' ? 'package' : 'booking';
    return payments.startMpesa({ type, id: status.payable.id }, client, phone ? { phone: String(phone) } : { samePhone: true });
  });
}
