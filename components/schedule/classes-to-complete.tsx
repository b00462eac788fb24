import { completeClassAction } from '@/app/classes/actions';
import { ActionButton } from '@/components/action-button';
import { DataTable, type Column } from '@/components/data-table';
import type { ClassDto } from '@/lib/schedule';
import { formatDateTime } from '@/lib/time-format';

/** A class can be completed once it has started, unless it was cancelled or is completed already. */
export function isCompletable(c: ClassDto, at: Date): boolean {
  return !c.cancelled && c.completed_at === null && new Date(c.starts_at).getTime() <= at.getTime();
}

const columns: Column<ClassDto>[] = [
  { header: 'When', className: 'whitespace-nowrap', cell: (c) => formatDateTime(c.starts_at, c.provider.time_zone) },
  { header: 'Class', rowHeader: true, cell: (c) => c.title },
  { header: 'Booked', className: 'whitespace-nowrap', cell: (c) => `${c.seats_taken} / ${c.capacity}` },
  {
    header: 'Delivered?',
    cell: (c) => (
      <ActionButton action={completeClassAction} fields={{ class_id: c.id }} size="sm" pendingLabel="Completing…" label={`Complete class: ${c.title}`}>
        Complete class
      </ActionButton>
    ),
  },
];

/**
 * Classes that have started and are not yet marked delivered: completing one
 * completes its bookings, so their earnings become available (the worker does
 * it anyway some hours after the end).
 */
export function ClassesToComplete({ classes }: { classes: ClassDto[] }) {
  return <DataTable caption="Classes to complete" columns={columns} rows={classes} rowKey={(c) => c.id} empty="Nothing to complete: every class that has started is marked delivered." rowTestId="class-to-complete" />;
}
