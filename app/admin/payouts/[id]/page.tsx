import type { Metadata } from 'next';
import { loadStatementOr404 } from '@/components/earnings/load-statement';
import { PayoutStatement } from '@/components/earnings/payout-statement';
import { requirePageRole } from '@/lib/auth';

export const metadata: Metadata = { title: 'Payout statement' };

export default async function AdminPayoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', `/admin/payouts/${encodeURIComponent(id)}`);
  return <PayoutStatement statement={await loadStatementOr404(id, admin)} backHref="/admin/payouts" />;
}
