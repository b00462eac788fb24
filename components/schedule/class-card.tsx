import { MapPin, Video } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { ClassDto } from '@/lib/schedule';
import { formatTimeRange } from '@/lib/time-format';
import { formatMoney } from '@/lib/money';

/** One class in the public schedule: when, what, who, where, seats and price, and a link to book it. */
export function ClassCard({ item }: { item: ClassDto }) {
  const full = item.seats_left === 0;
  return (
    <Card className="flex flex-col gap-3 p-5 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-primary">{formatTimeRange(item.starts_at, item.ends_at, item.provider.time_zone)}</p>
        <h3 className="text-lg font-semibold leading-tight">{item.title}</h3>
        <p className="text-sm text-muted-foreground">
          with {item.provider.name} · {item.provider.headline}
        </p>
        <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
          {item.location ? <MapPin aria-hidden="true" className="size-4" /> : <Video aria-hidden="true" className="size-4" />}
          {item.location ?? 'Online'}
          {item.location && item.online_url ? ' · also online' : ''}
        </p>
      </div>
      <div className="flex items-center gap-3 sm:flex-col sm:items-end">
        <div className="flex items-center gap-2">
          <Badge variant={full ? 'destructive' : 'default'}>{full ? 'Full' : `${item.seats_left} ${item.seats_left === 1 ? 'seat' : 'seats'} left`}</Badge>
          <span className="font-semibold">{formatMoney(item.price)}</span>
        </div>
        <Link href={`/schedule/classes/${item.id}`} className={buttonVariants({ size: 'sm', variant: full ? 'outline' : 'default' })} aria-label={`Book ${item.title}, ${formatTimeRange(item.starts_at, item.ends_at, item.provider.time_zone)}`}>
          {full ? 'View' : 'Book'}
        </Link>
      </div>
    </Card>
  );
}
