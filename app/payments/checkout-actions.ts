'use server';

import { getCurrentUser } from '@/lib/auth';
import { startPackagePurchase, payments } from '@/lib/flows';
import { isAppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import { requestOrigin } from '@/lib/http';
import type { CheckoutStart } from '@/lib/payments';

/**
 * What the pay pages ask for once they are in the browser: the payable's one
 * PaymentIntent (or hosted Checkout Session), created on first ask and the
 * same after. Starting a payment is a POST (this action), never a page render.
 */
export type StartedCheckout =
  | { ok: true; checkout: CheckoutStart; resultPath: string }
  | { ok: false; message: string };

async function started(start: () => Promise<{ checkout: CheckoutStart; resultPath: string }>): Promise<StartedCheckout> {
  try {
    return { ok: true, ...(await start()) };
  } catch (err) {
    // Expected refusals (payments not configured, the booking changed meanwhile) are shown as they are.
    if (isAppError(err)) return { ok: false, message: err.message };
    throw err;
  }
}

const signedOut: StartedCheckout = { ok: false, message: 'Your session has ended. Sign in again.' };

/** The payment of the signed-in client's booking awaiting payment. */
export async function startBookingCheckoutAction(bookingId: string): Promise<StartedCheckout> {
  const client = await getCurrentUser();
  if (!client || client.role !== 'client') return signedOut;
  if (!isUuid(bookingId)) return { ok: false, message: 'No such booking.' };
  const base = `/account/bookings/${encodeURIComponent(bookingId)}`;
  return started(async () => ({
    checkout: await payments.checkout({ type: 'booking', id: bookingId }, client, await requestOrigin(), { paid: `${base}/paid`, back: base }),
    resultPath: `${base}/paid`,
  }));
}

/** The signed-in client's open purchase of a package and its payment, started or resumed. */
export async function startPackageCheckoutAction(packageId: string): Promise<StartedCheckout> {
  const client = await getCurrentUser();
  if (!client || client.role !== 'client') return signedOut;
  return started(async () => {
    const { purchase_id: purchaseId, ...checkout } = await startPackagePurchase(packageId, client, await requestOrigin());
    // Card only here (no pay_with given).
    if (checkout.mode === 'mpesa') throw new Error('unexpected M-Pesa checkout');
    return { checkout, resultPath: `/account/credits/purchases/${encodeURIComponent(purchaseId)}` };
  });
}
