import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { Badge } from '@/components/ui/badge';
import type { ClassDto } from '@/lib/schedule';
import { formatMoney } from '@/lib/money';

function classColumns(showProvider: boolean, href?: (c: ClassDto) => string): Column<ClassDto>[] {
  return [
    { header: 'When', className: 'whitespace-nowrap', cell: (c) => <LocalDateTime iso={c.starts_at} /> },
    {
      header: 'Class',
      rowHeader: true,
      cell: (c) => (
        <>
          {href ? (
            <Link href={href(c)} className="text-primary underline-offset-4 hover:underline">
              {c.title}
            </Link>
          ) : (
            c.title
          )}{' '}
          <span className="font-normal text-muted-foreground">· {c.duration_minutes} min</span>
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
export function ClassesTable({ classes, showProvider = false, href }: { classes: ClassDto[]; showProvider?: boolean; href?: (c: ClassDto) => string }) {
  return (
    <DataTable
      caption="Upcoming classes"
      columns={classColumns(showProvider, href)}
      rows={classes}
      rowKey={(c) => c.id}
      rowClassName={(c) => (c.cancelled ? 'text-muted-foreground' : undefined)}
      empty="No upcoming classes. Schedule one with the form."
    />
  );
}
