import { KES_MAX_SHILLINGS } from '@/lib/money';

/**
 * What an STK Push result code means, in words a client understands. Daraja's
 * own ResultDesc is for engineers ("DS timeout user cannot be reached").
 */
const MESSAGES: Record<number, string> = {
  0: 'Paid.',
  1: 'Your M-Pesa balance was not enough.',
  1032: 'You cancelled the request on your phone.',
  1037: 'Your phone could not be reached in time.',
  1019: 'The request expired before it was answered.',
  2001: 'The PIN you entered was wrong.',
  1001: 'Another M-Pesa payment was in progress on your phone.',
};

export function mpesaResultMessage(code: number): string {
  return MESSAGES[code] ?? 'M-Pesa could not complete the payment.';
}

/** Daraja's STK Push fields (PRODUCT.md): whole shillings, KES 1 to 250,000. */
export const MPESA_MAX_SHILLINGS = KES_MAX_SHILLINGS;
