import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { PaymentDto } from '@/lib/payments';
import { paymentStatusLabel } from './labels';

const variant: Record<PaymentDto['status'], BadgeProps['variant']> = {
  created: 'outline',
  pending: 'outline',
  succeeded: 'default',
  failed: 'destructive',
  canceled: 'muted',
  refunded: 'muted',
  partially_refunded: 'muted',
};

export function PaymentStatusBadge({ status }: { status: PaymentDto['status'] }) {
  return (
    <Badge variant={variant[status]} data-testid="payment-status">
      {paymentStatusLabel[status]}
    </Badge>
  );
}
