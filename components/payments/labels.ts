import type { PaymentDto } from '@/lib/payments';

export const paymentStatuses = ['created', 'pending', 'succeeded', 'failed', 'canceled', 'refunded', 'partially_refunded'] as const satisfies readonly PaymentDto['status'][];

export const paymentStatusLabel: Record<PaymentDto['status'], string> = {
  created: 'Awaiting card',
  pending: 'Processing',
  succeeded: 'Paid',
  failed: 'Declined',
  canceled: 'Canceled',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

const payableLabel: Record<string, string> = { booking: 'Booking' };

/** "Booking", or the payable type as stored for kinds this page does not know yet. */
export function payableTypeLabel(type: string): string {
  return payableLabel[type] ?? type;
}

/** "Visa •••• 4242". */
/** How a payment is paid: the card, or M-Pesa with the phone's last digits where they may be shown. */
export function paidWithLabel(payment: Pick<PaymentDto, 'payment_provider' | 'card' | 'mpesa'>): string {
  if (payment.payment_provider === 'mpesa') return payment.mpesa?.phone ? `M-Pesa ••• ${payment.mpesa.phone.slice(-3)}` : 'M-Pesa';
  return cardLabel(payment.card);
}

export function cardLabel(card: PaymentDto['card']): string {
  if (!card) return '—';
  const brand = card.brand === 'amex' ? 'American Express' : card.brand.charAt(0).toUpperCase() + card.brand.slice(1);
  return `${brand} •••• ${card.last4}`;
}
