import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';
import type { OutboxMessageDto } from '@/lib/mail';
import { templateLabel } from './labels';
import { OutboxStateBadge } from './status-badge';

const columns: readonly Column<OutboxMessageDto>[] = [
  { header: 'Created', className: 'whitespace-nowrap', cell: (m) => <LocalDateTime iso={m.created_at} withYear /> },
  {
    header: 'Subject',
    rowHeader: true,
    cell: (m) => (
      <Link href={`/admin/mail/${encodeURIComponent(m.id)}`} className={linkClass}>
        {m.subject ?? templateLabel(m.template)}
      </Link>
    ),
  },
  { header: 'Recipient', className: 'break-all', cell: (m) => m.recipient },
  { header: 'Template', cell: (m) => templateLabel(m.template) },
  { header: 'State', cell: (m) => <OutboxStateBadge state={m.state} /> },
  { header: 'Attempts', cell: (m) => m.attempts },
  { header: 'Last error', className: 'max-w-64 text-xs break-words text-muted-foreground', cell: (m) => m.last_error ?? '—' },
  { header: 'Sent', className: 'whitespace-nowrap', cell: (m) => (m.sent_at ? <LocalDateTime iso={m.sent_at} withYear /> : '—') },
];

export function AdminMailTable({ messages }: { messages: OutboxMessageDto[] }) {
  return <DataTable caption="Outbox" columns={columns} rows={messages} rowKey={(m) => m.id} empty="No messages match" rowTestId="mail-row" />;
}
