import { CalendarDays } from 'lucide-react';
import { DateTime } from 'luxon';
import type { Metadata } from 'next';
import { Pagination } from '@/components/admin/pagination';
import { ProviderBookingCard } from '@/components/bookings/provider-booking-card';
import { TabLinks } from '@/components/bookings/tabs';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { listBookings } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { questionnaireStatuses } from '@/lib/questionnaire';
import { formatDayHeading, groupBy, localDate } from '@/lib/time-format';
import { findProvider } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';

export const metadata: Metadata = { title: 'Schedule' };

const PAGE_SIZE = 50;

export default async function ProviderSchedulePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const provider = await requirePageRole('provider', '/provider/schedule');
  const params = await searchParams;
  const tab = singleParam(params, 'tab') === 'past' ? 'past' : 'upcoming';
  const rawPage = singleParam(params, 'page') ?? '';
  const requested = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  const at = now();
  // Days are the practitioner's own: "upcoming" starts at midnight today in their zone, so today's sessions stay at hand.
  const zone = (await findProvider(provider.id))?.time_zone ?? 'UTC';
  const today = DateTime.fromJSDate(at).setZone(zone).startOf('day').toJSDate();
  const filters = tab === 'upcoming' ? { from: today, order: 'upcoming' as const } : { to: today, order: 'latest' as const };
  let result = await listBookings(provider, { ...filters, page: requested, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (result.page > pageCount) result = await listBookings(provider, { ...filters, page: pageCount, pageSize: PAGE_SIZE });
  const [statuses, windowHours] = await Promise.all([questionnaireStatuses(result.bookings.map((b) => b.client.id), at), getSetting('cancellation_window_hours')]);
  const days = groupBy(result.bookings, (b) => localDate(b.starts_at, zone));

  return (
    <>
      <PageHeader title="Schedule" description="Who is booked with you, their questionnaire status, and each session’s next step." />
      <TabLinks
        label="Schedule"
        tabs={[
          { href: '/provider/schedule', label: 'Upcoming', current: tab === 'upcoming' },
          { href: '/provider/schedule?tab=past', label: 'Past', current: tab === 'past' },
        ]}
      />
      {days.length ? (
        <div className="flex flex-col gap-8">
          {days.map(([date, items]) => (
            <section key={date} aria-labelledby={`day-${date}`} className="flex flex-col gap-3">
              <h2 id={`day-${date}`} className="text-lg font-semibold">
                {formatDayHeading(date)}
              </h2>
              <ul className="flex flex-col gap-3">
                {items.map((b) => (
                  <li key={b.id}>
                    <ProviderBookingCard booking={b} questionnaire={statuses.get(b.client.id)} at={at} windowHours={windowHours} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Pagination basePath="/provider/schedule" query={tab === 'past' ? { tab } : {}} page={result.page} pageCount={pageCount} />
        </div>
      ) : (
        <p className="flex items-center gap-2 rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-sm text-muted-foreground">
          <CalendarDays aria-hidden="true" className="size-4" />
          {tab === 'upcoming' ? 'Nothing booked from today on.' : 'No past bookings yet.'}
        </p>
      )}
    </>
  );
}
