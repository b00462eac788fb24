import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { cell, headRow, linkClass, tableFrame } from '@/components/payments/empty-table';

export interface ClientCreditsRow {
  client: { id: string; name: string; email: string };
  total_credits: number;
  credit_count: number;
  last_activity_at: string;
}

/** Clients with credits: usable classes, how many credits, and the latest change; each opens the client's ledgers. */
export function AdminClientsCreditsTable({ rows }: { rows: ClientCreditsRow[] }) {
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Clients with credits</caption>
        <thead className={headRow}>
          <tr>
            {['Client', 'E-mail', 'Usable classes', 'Credits', 'Last change'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((r) => (
            <tr key={r.client.id} data-testid="client-credits-row">
              <th scope="row" className={`${cell} font-medium`}>
                <Link href={`/admin/credits/${r.client.id}`} className={linkClass}>
                  {r.client.name}
                </Link>
              </th>
              <td className={`${cell} break-all`}>{r.client.email}</td>
              <td className={`${cell} tabular-nums`}>{r.total_credits}</td>
              <td className={`${cell} tabular-nums`}>{r.credit_count}</td>
              <td className={`${cell} whitespace-nowrap`}>
                <LocalDateTime iso={r.last_activity_at} withYear />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
