import type { Metadata } from 'next';
import { loadPaymentOr404 } from '@/components/payments/load-payment';
import { PaymentDetail } from '@/components/payments/payment-detail';
import { requirePageRole } from '@/lib/auth';

export const metadata: Metadata = { title: 'Payment' };

export default async function AdminPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', `/admin/payments/${encodeURIComponent(id)}`);
  const detail = await loadPaymentOr404(id, admin);
  return <PaymentDetail detail={detail} backHref="/admin/payments" bookingHref={`/admin/bookings/${detail.payment.payable.id}`} />;
}
