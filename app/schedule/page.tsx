import { CalendarDays } from 'lucide-react';
import type { Metadata } from 'next';
import { ClassCard } from '@/components/schedule/class-card';
import { ProviderCard } from '@/components/schedule/provider-card';
import { PageHeader } from '@/components/page-header';
import { now } from '@/lib/clock';
import { listClasses, listProviders } from '@/lib/schedule';
import { formatDayHeading, formatDayShort, groupBy, localDate } from '@/lib/time-format';
import { addDays } from '@/lib/time';

export const metadata: Metadata = { title: 'Schedule' };
export const dynamic = 'force-dynamic';

const DAYS_AHEAD = 14;

export default async function SchedulePage() {
  const from = now();
  const to = addDays(from, DAYS_AHEAD);
  const [classes, providers] = await Promise.all([listClasses({ from, to }), listProviders()]);
  // Each class is dated in its teacher's zone, the zone its time is shown in.
  const days = groupBy(classes, (c) => localDate(c.starts_at, c.provider.time_zone));

  return (
    <>
      <PageHeader title="Schedule" description="Group classes in the next two weeks, and practitioners you can book one to one." />
      <section aria-labelledby="classes-title" className="flex flex-col gap-6">
        <h2 id="classes-title" className="text-2xl font-semibold tracking-tight">
          Classes
        </h2>
        {days.length ? (
          <>
            <nav aria-label="Days" className="flex gap-2 overflow-x-auto pb-2">
              {days.map(([date]) => (
                <a key={date} href={`#day-${date}`} className="whitespace-nowrap rounded-full border border-border px-3 py-1 text-sm hover:bg-muted">
                  {formatDayShort(date)}
                </a>
              ))}
            </nav>
            {days.map(([date, items]) => (
              <section key={date} id={`day-${date}`} aria-labelledby={`day-${date}-title`} className="flex scroll-mt-24 flex-col gap-3">
                <h3 id={`day-${date}-title`} className="text-lg font-semibold">
                  {formatDayHeading(date)}
                </h3>
                <ul className="flex flex-col gap-3">
                  {items.map((item) => (
                    <li key={item.id}>
                      <ClassCard item={item} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        ) : (
          <p className="flex items-center gap-2 rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-sm text-muted-foreground">
            <CalendarDays aria-hidden="true" className="size-4" />
            No classes in the next two weeks yet. Check back soon, or book a practitioner one to one below.
          </p>
        )}
      </section>

      <section aria-labelledby="practitioners-title" className="mt-12 flex flex-col gap-6">
        <h2 id="practitioners-title" className="text-2xl font-semibold tracking-tight">
          Practitioners
        </h2>
        {providers.length ? (
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {providers.map((p) => (
              <li key={p.id}>
                <ProviderCard provider={p} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No practitioners are taking bookings yet.</p>
        )}
      </section>
    </>
  );
}
