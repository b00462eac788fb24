import { StateBadge } from '@/components/state-badge';
import type { BadgeProps } from '@/components/ui/badge';
import { outboxStateLabel, type OutboxState } from './labels';

const variant: Record<OutboxState, BadgeProps['variant']> = {
  pending: 'outline',
  sending: 'outline',
  sent: 'default',
  failed: 'destructive',
  suppressed: 'muted',
};

export function OutboxStateBadge({ state }: { state: OutboxState }) {
  return <StateBadge state={state} variants={variant} labels={outboxStateLabel} testId="mail-state" />;
}
