import { LocalDateTime } from '@/components/local-date';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { ClassDto } from '@/lib/schedule';
import { formatMoney } from '@/lib/money';

/** Upcoming classes with seats taken out of capacity; the teacher column is for admins. */
export function ClassesTable({ classes, showProvider = false, href }: { classes: ClassDto[]; showProvider?: boolean; href?: (c: ClassDto) => string }) {
  if (!classes.length) {
    return (
      <p className="rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-center text-sm text-muted-foreground">
        No upcoming classes. Schedule one with the form.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Upcoming classes</caption>
        <thead className="bg-muted/60 text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">When</th>
            <th scope="col" className="px-3 py-2 font-medium">Class</th>
            {showProvider ? <th scope="col" className="px-3 py-2 font-medium">Practitioner</th> : null}
            <th scope="col" className="px-3 py-2 font-medium">Booked</th>
            <th scope="col" className="px-3 py-2 font-medium">Price</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {classes.map((c) => (
            <tr key={c.id} className={c.cancelled ? 'text-muted-foreground' : undefined}>
              <td className="whitespace-nowrap px-3 py-2">{<LocalDateTime iso={c.starts_at} />}</td>
              <td className="px-3 py-2">
                {href ? (
                  <Link href={href(c)} className="font-medium text-primary underline-offset-4 hover:underline">
                    {c.title}
                  </Link>
                ) : (
                  <span className="font-medium">{c.title}</span>
                )}{' '}
                <span className="text-muted-foreground">· {c.duration_minutes} min</span>
                {c.cancelled ? <Badge variant="destructive" className="ml-2">Cancelled</Badge> : null}
                {c.series_id ? <Badge variant="muted" className="ml-2">Weekly</Badge> : null}
                <div className="text-xs text-muted-foreground">{c.location ?? c.online_url}</div>
              </td>
              {showProvider ? <td className="px-3 py-2">{c.provider.name}</td> : null}
              <td className="whitespace-nowrap px-3 py-2">
                {c.seats_taken} / {c.capacity}
                {c.seats_left === 0 && !c.cancelled ? <Badge variant="default" className="ml-2">Full</Badge> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatMoney(c.price)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
