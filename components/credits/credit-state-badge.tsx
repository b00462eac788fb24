import { StateBadge } from '@/components/state-badge';
import type { BadgeProps } from '@/components/ui/badge';
import type { CreditState } from '@/lib/credits';
import { creditStateLabel } from './labels';

const variant: Record<CreditState, BadgeProps['variant']> = {
  active: 'default',
  used_up: 'muted',
  expired: 'muted',
  revoked: 'destructive',
};

export function CreditStateBadge({ state }: { state: CreditState }) {
  return <StateBadge state={state} variants={variant} labels={creditStateLabel} testId="credit-state" />;
}
