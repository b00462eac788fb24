import Link from 'next/link';
import { cn } from '@/components/ui/utils';
import { scheduleHref, type ClassDto, type ScheduleFilters } from '@/lib/schedule';
import { formatDayHeading, formatDayShort, groupBy, localDate } from '@/lib/time-format';
import { ClassCard } from './class-card';

interface ClassDaysProps {
  classes: ClassDto[];
  days: string[];
  zone: string;
  filters: ScheduleFilters;
}

/**
 * The week view: a column per day on wide screens; on a phone a strip of the
 * seven days and the chosen day's classes (the strip is links, so no script is needed).
 */
export function WeekView({ classes, days, zone, filters }: ClassDaysProps) {
  const byDay = new Map(groupBy(classes, (c) => localDate(c.starts_at, zone)));
  const chosen = filters.day && days.includes(filters.day) ? filters.day : (days.find((d) => byDay.has(d)) ?? days[0]);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Days" className="relative -mx-1 flex gap-2 overflow-x-auto px-1 pb-2 lg:hidden">
        {days.map((date) => (
          <Link
            key={date}
            href={scheduleHref(filters, { day: date }, '#classes-title')}
            scroll={false}
            aria-current={date === chosen ? 'date' : undefined}
            className={cn(
              'flex shrink-0 flex-col items-center rounded-lg border border-border px-3 py-1.5 text-sm hover:bg-muted',
              date === chosen && 'border-primary bg-primary text-primary-foreground hover:bg-primary',
            )}
          >
            <span className="font-medium">{formatDayShort(date).split(' ')[0]}</span>
            <span>{formatDayShort(date).split(' ').slice(1).join(' ')}</span>
            <span className="sr-only">, {byDay.get(date)?.length ?? 0} classes</span>
          </Link>
        ))}
      </nav>
      <div className="grid gap-4 lg:grid-cols-7 lg:gap-2">
        {days.map((date) => {
          const items = byDay.get(date) ?? [];
          return (
            <section
              key={date}
              aria-labelledby={`day-${date}-title`}
              data-testid="schedule-day"
              className={cn('min-w-0 flex-col gap-2', date === chosen ? 'flex' : 'hidden lg:flex')}
            >
              <h3 id={`day-${date}-title`} className="text-sm font-semibold lg:border-b lg:border-border lg:pb-2">
                {formatDayShort(date)}
              </h3>
              {items.length ? (
                <ul className="flex flex-col gap-2">
                  {items.map((item) => (
                    <li key={item.id}>
                      <ClassCard item={item} zone={zone} compact />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted-foreground">No classes</p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** The list view: the week's classes day by day, only days that have some. */
export function ClassList({ classes, zone }: Omit<ClassDaysProps, 'days' | 'filters'>) {
  const days = groupBy(classes, (c) => localDate(c.starts_at, zone));
  return (
    <div className="flex flex-col gap-6">
      {days.map(([date, items]) => (
        <section key={date} aria-labelledby={`day-${date}-title`} className="flex flex-col gap-3">
          <h3 id={`day-${date}-title`} className="text-lg font-semibold">
            {formatDayHeading(date)}
          </h3>
          <ul className="flex flex-col gap-3">
            {items.map((item) => (
              <li key={item.id}>
                <ClassCard item={item} zone={zone} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
