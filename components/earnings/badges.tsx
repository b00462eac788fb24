import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { EarningState, PayoutStatus } from '@/lib/earnings';
import { earningStateLabel, payoutStatusLabel } from './labels';

const stateVariant: Record<EarningState, BadgeProps['variant']> = { pending: 'outline', available: 'default', paid_out: 'muted', reversed: 'destructive' };
const payoutVariant: Record<PayoutStatus, BadgeProps['variant']> = { pending: 'outline', paid: 'default', failed: 'destructive' };

export function EarningStateBadge({ state }: { state: EarningState }) {
  return (
    <Badge variant={stateVariant[state]} data-testid="earning-state">
      {earningStateLabel[state]}
    </Badge>
  );
}

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  return (
    <Badge variant={payoutVariant[status]} data-testid="payout-status">
      {payoutStatusLabel[status]}
    </Badge>
  );
}
