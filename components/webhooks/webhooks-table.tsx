import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';
import { StateBadge } from '@/components/state-badge';
import type { WebhookEventDto, WebhookOutcome } from '@/lib/payments';
import { webhookOutcomeLabel, webhookOutcomeVariant } from './labels';

export function WebhookOutcomeBadge({ outcome }: { outcome: WebhookOutcome }) {
  return <StateBadge state={outcome} variants={webhookOutcomeVariant} labels={webhookOutcomeLabel} testId="webhook-outcome" />;
}

const columns: readonly Column<WebhookEventDto>[] = [
  { header: 'Received', className: 'whitespace-nowrap', cell: (e) => <LocalDateTime iso={e.received_at} withYear /> },
  {
    header: 'Type',
    rowHeader: true,
    cell: (e) => (
      <Link href={`/admin/webhooks/${encodeURIComponent(e.id)}`} className={linkClass}>
        {e.type}
      </Link>
    ),
  },
  { header: 'Event', className: 'font-mono text-xs break-all', cell: (e) => e.id },
  { header: 'Outcome', cell: (e) => <WebhookOutcomeBadge outcome={e.outcome} /> },
  { header: 'Deliveries', cell: (e) => e.delivery_count },
  { header: 'Error', className: 'max-w-64 text-xs break-words text-muted-foreground', cell: (e) => e.error ?? '—' },
];

export function WebhooksTable({ events }: { events: WebhookEventDto[] }) {
  return <DataTable caption="Webhook events" columns={columns} rows={events} rowKey={(e) => e.id} empty="No events match" rowTestId="webhook-row" />;
}
