import 'server-only';
import { bookingPayable } from '@/lib/bookings/payable';
import { packagePayable } from '@/lib/packages/payable';
import type { PayableHandler, PayableType } from './types';

/** The one place payments find what a payable is; they import this, never a domain. */
export const payables: Record<PayableType, PayableHandler> = {
  booking: bookingPayable,
  package: packagePayable,
};

export type { PayableCharge, PayableHandler, PayableRef, PayableType, PaymentOutcome, PaymentRefund } from './types';
