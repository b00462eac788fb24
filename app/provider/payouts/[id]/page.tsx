import type { Metadata } from 'next';
import { loadStatementOr404 } from '@/components/earnings/load-statement';
import { PayoutStatement } from '@/components/earnings/payout-statement';
import { requirePageRole } from '@/lib/auth';

export const metadata: Metadata = { title: 'Payout statement' };

export default async function ProviderPayoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const provider = await requirePageRole('provider', `/provider/payouts/${encodeURIComponent(id)}`);
  return <PayoutStatement statement={await loadStatementOr404(id, provider)} backHref="/provider/payouts" />;
}
