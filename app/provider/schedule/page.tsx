import { CalendarDays } from 'lucide-react';
import { DateTime } from 'luxon';
import type { Metadata } from 'next';
import { Pagination } from '@/components/admin/pagination';
import { ProviderBookingCard } from '@/components/bookings/provider-booking-card';
import { TabLinks } from '@/components/bookings/tabs';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { listBookings, type BookingDto } from '@/lib/bookings';

import { now } from '@/lib/clock';
import { questionnaireStatuses } from '@/lib/questionnaire';
import { formatDayHeading, groupBy, localDate } from '@/lib/time-format';
import { getSetting } from '@/lib/settings';
import { getViewerZone } from '@/lib/viewer-zone';

export const metadata: Metadata = { title: 'Schedule' };

const PAGE_SIZE = 50;

/** Cancelled bookings and holds that expired unpaid: only under Cancelled, never among what is coming up. */
const CALLED_OFF: BookingDto['status'][] = ['cancelled', 'expired'];
const HAPPENING: BookingDto['status'][] = ['pending_payment', 'confirmed', 'in_progress', 'completed', 'no_show'];

const TABS = { upcoming: 'Upcoming', past: 'Past', cancelled: 'Cancelled' } as const;
type Tab = keyof typeof TABS;

function tabOf(raw: string | undefined): Tab {
  return raw === 'past' || raw === 'cancelled' ? raw : 'upcoming';
}

const EMPTY: Record<Tab, string> = {
  upcoming: 'Nothing booked from today on.',
  past: 'No past bookings yet.',
  cancelled: 'No cancelled bookings.',
};

export default async function ProviderSchedulePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const provider = await requirePageRole('provider', '/provider/schedule');
  const params = await searchParams;
  const tab = tabOf(singleParam(params, 'tab'));
  const rawPage = singleParam(params, 'page') ?? '';
  const requested = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  const at = now();
  // Days are the reader's: "upcoming" starts at midnight today in the zone they read times in, so today's sessions stay at hand.
  const { zone } = await getViewerZone();
  const today = DateTime.fromJSDate(at).setZone(zone).startOf('day').toJSDate();
  const filters = {
    upcoming: { from: today, statuses: HAPPENING, order: 'upcoming' as const },
    past: { to: today, statuses: HAPPENING, order: 'latest' as const },
    cancelled: { statuses: CALLED_OFF, order: 'latest' as const },
  }[tab];
  let result = await listBookings(provider, { ...filters, page: requested, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (result.page > pageCount) result = await listBookings(provider, { ...filters, page: pageCount, pageSize: PAGE_SIZE });
  const [statuses, windowHours] = await Promise.all([questionnaireStatuses(result.bookings.map((b) => b.client.id), at), getSetting('cancellation_window_hours')]);
  const days = groupBy(result.bookings, (b) => localDate(b.starts_at, zone));

  return (
    <>
      <PageHeader title="Schedule" description="Who is booked with you, their health questionnaire, and each session’s next step." />
      <TabLinks
        label="Schedule"
        tabs={(Object.keys(TABS) as Tab[]).map((t) => ({ href: t === 'upcoming' ? '/provider/schedule' : `/provider/schedule?tab=${t}`, label: TABS[t], current: tab === t }))}
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
          <Pagination basePath="/provider/schedule" query={tab === 'upcoming' ? {} : { tab }} page={result.page} pageCount={pageCount} />
        </div>
      ) : (
        <p className="flex items-center gap-2 rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-sm text-muted-foreground">
          <CalendarDays aria-hidden="true" className="size-4" />
          {EMPTY[tab]}
        </p>
      )}
    </>
  );
}
