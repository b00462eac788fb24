import 'server-only';
import { env } from '@/lib/env';
import { getSetting } from '@/lib/settings';

export interface InitialState {
  status: 'pending_payment' | 'confirmed';
  paymentStatus: 'pending' | 'unpaid' | 'credit_used';
  holdExpiresAt: Date | null;
}

/**
 * A priced booking waits for payment and holds its seat for the hold time; a
 * free one, and every booking when payments are switched off, is confirmed at once.
 */
export async function initialState(amountDue: number, at: Date): Promise<InitialState> {
  if (amountDue === 0 || !env().PAYMENTS_ENABLED) return { status: 'confirmed', paymentStatus: 'unpaid', holdExpiresAt: null };
  const minutes = await getSetting('hold_minutes');
  return { status: 'pending_payment', paymentStatus: 'pending', holdExpiresAt: new Date(at.getTime() + minutes * 60_000) };
}

/** A booking paid in advance (a class credit) is confirmed at once and holds nothing. */
export const PREPAID_STATE: InitialState = { status: 'confirmed', paymentStatus: 'credit_used', holdExpiresAt: null };
