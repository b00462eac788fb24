import { MapPin, Video } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/utils';
import type { ClassDto } from '@/lib/schedule';
import { formatTimeRange, withStudioTime } from '@/lib/time-format';
import { formatMoney } from '@/lib/money';

/** "09:00–10:00 New York time · 14:00 London time at the studio": the viewer's time, and the studio's for a class in person. */
export function classTimeText(item: ClassDto, zone: string): string {
  return withStudioTime(formatTimeRange(item.starts_at, item.ends_at, zone), item.starts_at, zone, item.location ? item.provider.time_zone : null);
}

/**
 * One class in the public schedule: when (in the viewer's zone), what, who,
 * where, seats and price, and a link to book it. `compact` is the week view's
 * narrow day column.
 */
export function ClassCard({ item, zone, compact = false }: { item: ClassDto; zone: string; compact?: boolean }) {
  const full = item.seats_left === 0;
  const when = classTimeText(item, zone);
  return (
    <Card className={cn('flex flex-col gap-3', compact ? 'p-3' : 'p-5 sm:flex-row sm:items-center sm:justify-between')}>
      <div className="flex min-w-0 flex-col gap-1">
        <p className="text-sm font-medium text-primary" data-testid="class-time">
          {when}
        </p>
        <h4 className={cn('font-semibold leading-tight', compact ? 'text-base' : 'text-lg')}>{item.title}</h4>
        <p className="text-sm text-muted-foreground">
          with {item.provider.name}
          {compact ? '' : ` · ${item.provider.headline}`}
        </p>
        <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
          {item.location ? <MapPin aria-hidden="true" className="size-4 shrink-0" /> : <Video aria-hidden="true" className="size-4 shrink-0" />}
          <span className="min-w-0 break-words">
            {item.location ?? 'Online'}
            {item.location && item.online_url ? ' · also online' : ''}
          </span>
        </p>
      </div>
      <div className={cn('flex flex-wrap items-center gap-3', !compact && 'sm:flex-col sm:items-end')}>
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant={full ? 'destructive' : 'default'}>{full ? 'Full' : `${item.seats_left} ${item.seats_left === 1 ? 'seat' : 'seats'} left`}</Badge>
          <span className="font-semibold">{formatMoney(item.price)}</span>
        </div>
        <Link href={`/schedule/classes/${item.id}`} className={buttonVariants({ size: 'sm', variant: full ? 'outline' : 'default' })} aria-label={`Book ${item.title}, ${when}`}>
          {full ? 'View' : 'Book'}
        </Link>
      </div>
    </Card>
  );
}
