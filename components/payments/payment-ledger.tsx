import { LocalDateTime } from '@/components/local-date';
import { formatMoney } from '@/lib/money';
import type { LedgerEntryDto, PaymentRefundDto as RefundDto } from '@/lib/payments';
import { cell, EmptyTable, headRow, tableFrame } from './empty-table';

const ledgerTypeLabel: Record<LedgerEntryDto['type'], string> = { single: 'Charge', purchase: 'Package purchase', refund: 'Refund' };

// Ledger amounts are signed (refunds negative); "Free" would misread a zero fee.
function signed(amount: number, currency: string): string {
  if (amount === 0) return '0';
  const text = formatMoney({ amount: Math.abs(amount), currency });
  return amount < 0 ? `−${text}` : text;
}

export function LedgerTable({ entries }: { entries: LedgerEntryDto[] }) {
  if (entries.length === 0) return <EmptyTable>No money has moved yet.</EmptyTable>;
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Ledger entries</caption>
        <thead className={headRow}>
          <tr>
            {['When', 'Entry', 'Stripe object', 'Gross', 'Platform fee', 'Practitioner'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {entries.map((e) => (
            <tr key={e.id}>
              <td className={`${cell} whitespace-nowrap`}>
                <LocalDateTime iso={e.created_at} withYear />
              </td>
              <th scope="row" className={`${cell} font-medium`}>
                {ledgerTypeLabel[e.type]}
              </th>
              <td className={`${cell} font-mono text-xs break-all`}>{e.stripe_object_id}</td>
              <td className={`${cell} whitespace-nowrap`}>{signed(e.gross, e.currency)}</td>
              <td className={`${cell} whitespace-nowrap`}>{signed(e.fee, e.currency)}</td>
              <td className={`${cell} whitespace-nowrap`}>{signed(e.net, e.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RefundsTable({ refunds }: { refunds: RefundDto[] }) {
  if (refunds.length === 0) return <EmptyTable>No refunds.</EmptyTable>;
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Refunds</caption>
        <thead className={headRow}>
          <tr>
            {['Requested', 'Refund', 'Amount', 'Status', 'Reason'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {refunds.map((r) => (
            <tr key={r.id} data-testid="refund-row">
              <td className={`${cell} whitespace-nowrap`}>
                <LocalDateTime iso={r.created_at} withYear />
              </td>
              <th scope="row" className={`${cell} font-mono text-xs font-normal break-all`}>
                {r.id}
              </th>
              <td className={`${cell} whitespace-nowrap`}>{formatMoney(r.amount)}</td>
              <td className={cell}>{r.status}</td>
              <td className={cell}>{r.reason || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
