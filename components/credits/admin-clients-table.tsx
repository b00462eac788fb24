import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';

export interface ClientCreditsRow {
  client: { id: string; name: string; email: string };
  total_credits: number;
  credit_count: number;
  last_activity_at: string;
}

const columns: readonly Column<ClientCreditsRow>[] = [
  {
    header: 'Client',
    rowHeader: true,
    cell: (r) => (
      <Link href={`/admin/credits/${r.client.id}`} className={linkClass}>
        {r.client.name}
      </Link>
    ),
  },
  { header: 'E-mail', className: 'break-all', cell: (r) => r.client.email },
  { header: 'Usable classes', className: 'tabular-nums', cell: (r) => r.total_credits },
  { header: 'Credits', className: 'tabular-nums', cell: (r) => r.credit_count },
  { header: 'Last change', className: 'whitespace-nowrap', cell: (r) => <LocalDateTime iso={r.last_activity_at} withYear /> },
];

/** Clients with credits: usable classes, how many credits, and the latest change; each opens the client's ledgers. */
export function AdminClientsCreditsTable({ rows }: { rows: ClientCreditsRow[] }) {
  return <DataTable caption="Clients with credits" columns={columns} rows={rows} rowKey={(r) => r.client.id} rowTestId="client-credits-row" />;
}
