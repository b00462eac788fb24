import { Badge, type BadgeProps } from '@/components/ui/badge';
import { outboxStateLabel, type OutboxState } from './labels';

const variant: Record<OutboxState, BadgeProps['variant']> = {
  pending: 'outline',
  sending: 'outline',
  sent: 'default',
  failed: 'destructive',
  suppressed: 'muted',
};

export function OutboxStateBadge({ state }: { state: OutboxState }) {
  return (
    <Badge variant={variant[state]} data-testid="mail-state">
      {outboxStateLabel[state]}
    </Badge>
  );
}
