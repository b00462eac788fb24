import { DataTable, type Column } from '@/components/data-table';
import { Badge } from '@/components/ui/badge';
import type { ClassDto } from '@/lib/schedule';
import { formatDateTime } from '@/lib/time-format';
import { formatMoney } from '@/lib/money';

function classColumns(showProvider: boolean): Column<ClassDto>[] {
  return [
    { header: 'When', className: 'whitespace-nowrap', cell: (c) => formatDateTime(c.starts_at, c.provider.time_zone) },
    {
      header: 'Class',
      rowHeader: true,
      cell: (c) => (
        <>
          {c.title} <span className="font-normal text-muted-foreground">· {c.duration_minutes} min</span>
          {c.cancelled ? <Badge variant="destructive" className="ml-2">Cancelled</Badge> : null}
          {c.series_id ? <Badge variant="muted" className="ml-2">Weekly</Badge> : null}
          <div className="text-xs font-normal text-muted-foreground">{c.location ?? c.online_url}</div>
        </>
      ),
    },
    ...(showProvider ? [{ header: 'Practitioner', cell: (c: ClassDto) => c.provider.name }] : []),
    {
      header: 'Booked',
      className: 'whitespace-nowrap',
      cell: (c) => (
        <>
          {c.seats_taken} / {c.capacity}
          {c.seats_left === 0 && !c.cancelled ? <Badge variant="default" className="ml-2">Full</Badge> : null}
        </>
      ),
    },
    { header: 'Price', className: 'whitespace-nowrap', cell: (c) => formatMoney(c.price) },
  ];
}

/** Upcoming classes with seats taken out of capacity; the teacher column is for admins. */
export function ClassesTable({ classes, showProvider = false }: { classes: ClassDto[]; showProvider?: boolean }) {
  return (
    <DataTable
      caption="Upcoming classes"
      columns={classColumns(showProvider)}
      rows={classes}
      rowKey={(c) => c.id}
      rowClassName={(c) => (c.cancelled ? 'text-muted-foreground' : undefined)}
      empty="No upcoming classes. Schedule one with the form."
    />
  );
}
