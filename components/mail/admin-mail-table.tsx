import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { cell, EmptyTable, headRow, linkClass, tableFrame } from '@/components/payments/empty-table';
import type { OutboxMessageDto } from '@/lib/mail';
import { templateLabel } from './labels';
import { OutboxStateBadge } from './status-badge';

export function AdminMailTable({ messages }: { messages: OutboxMessageDto[] }) {
  if (messages.length === 0) return <EmptyTable>No messages match</EmptyTable>;
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Outbox</caption>
        <thead className={headRow}>
          <tr>
            {['Created', 'Subject', 'Recipient', 'Template', 'State', 'Attempts', 'Last error', 'Sent'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {messages.map((m) => (
            <tr key={m.id} data-testid="mail-row">
              <td className={`${cell} whitespace-nowrap`}>
                <LocalDateTime iso={m.created_at} withYear />
              </td>
              <th scope="row" className={`${cell} font-medium`}>
                <Link href={`/admin/mail/${encodeURIComponent(m.id)}`} className={linkClass}>
                  {m.subject ?? templateLabel(m.template)}
                </Link>
              </th>
              <td className={`${cell} break-all`}>{m.recipient}</td>
              <td className={cell}>{templateLabel(m.template)}</td>
              <td className={cell}>
                <OutboxStateBadge state={m.state} />
              </td>
              <td className={cell}>{m.attempts}</td>
              <td className={`${cell} max-w-64 text-xs break-words text-muted-foreground`}>{m.last_error ?? '—'}</td>
              <td className={`${cell} whitespace-nowrap`}>{m.sent_at ? <LocalDateTime iso={m.sent_at} withYear /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
