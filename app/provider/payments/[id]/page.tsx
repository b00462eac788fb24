import type { Metadata } from 'next';
import { loadPaymentOr404 } from '@/components/payments/load-payment';
import { PaymentDetail } from '@/components/payments/payment-detail';
import { requirePageRole } from '@/lib/auth';

export const metadata: Metadata = { title: 'Payment' };

// A payment the practitioner received: its split, refunds and ledger, and a refund form (their own bookings only).
export default async function ProviderPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const provider = await requirePageRole('provider', `/provider/payments/${encodeURIComponent(id)}`);
  const detail = await loadPaymentOr404(id, provider);
  return <PaymentDetail detail={detail} backHref="/provider/payments" bookingHref={null} />;
}
