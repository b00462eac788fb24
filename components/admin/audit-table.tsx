import { DataTable, type Column } from '@/components/data-table';
import { DateRangeFilter, FilterButtons, SelectFilter } from '@/components/filter-controls';
import { LocalDateTime } from '@/components/local-date';
import type { AuditDto } from '@/lib/audit';

/** The kinds of change the log holds, by action prefix. */
export const auditCategories = [
  { value: 'payment.', label: 'Payments and refunds' },
  { value: 'credit.', label: 'Credits' },
  { value: 'package.', label: 'Class passes' },
  { value: 'payout.', label: 'Payouts' },
  { value: 'user.', label: 'Users and roles' },
  { value: 'setting.', label: 'Settings' },
  { value: 'api_key.', label: 'API keys' },
  { value: 'webhook.', label: 'Webhooks' },
] as const;

function compact(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const columns: readonly Column<AuditDto>[] = [
  { header: 'When', className: 'whitespace-nowrap', cell: (e) => <LocalDateTime iso={e.at} withYear /> },
  { header: 'Action', rowHeader: true, className: 'font-mono text-xs', cell: (e) => e.action },
  { header: 'Who', cell: (e) => (e.actor ? `${e.actor.name ?? 'A deleted user'} (${e.actor.role})` : 'The system') },
  { header: 'Subject', className: 'font-mono text-xs break-all', cell: (e) => `${e.subject_type} ${e.subject_id}` },
  { header: 'Before', className: 'max-w-72 font-mono text-xs break-all text-muted-foreground', cell: (e) => compact(e.before) },
  { header: 'After', className: 'max-w-72 font-mono text-xs break-all', cell: (e) => compact(e.after) },
  { header: 'Note', className: 'max-w-64 text-xs break-words', cell: (e) => e.note || '—' },
];

export function AuditTable({ entries }: { entries: AuditDto[] }) {
  return <DataTable caption="Audit log" columns={columns} rows={entries} rowKey={(e) => e.id} empty="No entries match" rowTestId="audit-row" />;
}

export interface AuditFilterValues {
  action?: string;
  from?: string;
  to?: string;
}

/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function AuditFilter({ values }: { values: AuditFilterValues }) {
  return (
    <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <SelectFilter id="audit-action" name="action" label="Kind of change" anyLabel="Every change" value={values.action} options={auditCategories.map((c) => ({ value: c.value, label: c.label }))} />
      <DateRangeFilter idPrefix="audit" fromLabel="From (UTC date)" from={values.from} to={values.to} />
      <FilterButtons clearHref="/admin/audit" showClear={Object.values(values).some(Boolean)} />
    </form>
  );
}
