import { completeClassAction } from '@/app/classes/actions';
import { ActionButton } from '@/components/action-button';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { Badge } from '@/components/ui/badge';
import type { ClassDto } from '@/lib/schedule';
import { DAY_MS } from '@/lib/time';

/** A class can be completed once it has started, unless it was cancelled or is completed already. */
export function isCompletable(c: ClassDto, at: Date): boolean {
  return !c.cancelled && c.completed_at === null && new Date(c.starts_at).getTime() <= at.getTime();
}

/** What the "To complete" list shows: classes still to complete, and those completed in the last day (so a completion stays in sight). */
export function toCompleteRows(started: readonly ClassDto[], at: Date): ClassDto[] {
  return started.filter((c) => isCompletable(c, at) || (c.completed_at !== null && at.getTime() - new Date(c.completed_at).getTime() < DAY_MS));
}

const columns: Column<ClassDto>[] = [
  { header: 'When', className: 'whitespace-nowrap', cell: (c) => <LocalDateTime iso={c.starts_at} /> },
  { header: 'Class', rowHeader: true, cell: (c) => c.title },
  { header: 'Booked', className: 'whitespace-nowrap', cell: (c) => `${c.seats_taken} / ${c.capacity}` },
  {
    header: 'Delivered?',
    cell: (c) =>
      c.completed_at ? (
        <Badge variant="muted">Completed</Badge>
      ) : (
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
