import type { EarningState, PayoutMethod, PayoutStatus } from '@/lib/earnings';

export const earningStateLabel: Record<EarningState, string> = {
  pending: 'Pending',
  available: 'Available',
  paid_out: 'Paid out',
  reversed: 'Reversed',
};

export const payoutStatusLabel: Record<PayoutStatus, string> = { pending: 'Processing', paid: 'Paid', failed: 'Failed' };

export const payoutMethodLabel: Record<PayoutMethod, string> = { stripe: 'Stripe transfer', manual: 'Manual (bank transfer)' };
