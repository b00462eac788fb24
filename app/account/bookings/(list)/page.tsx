import { CalendarDays } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/admin/pagination';
import { ClientBookingsList } from '@/components/bookings/client-bookings-list';
import { TabLinks } from '@/components/bookings/tabs';
import { NoticeList } from '@/components/notices/notice-list';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { buttonVariants } from '@/components/ui/button';
import { requirePageRole } from '@/lib/auth';
import { type BookingDto, listBookings, isActive } from '@/lib/bookings';
import { now } from '@/lib/clock';
import type { PublicUser } from '@/lib/users';

export const metadata: Metadata = { title: 'My bookings' };

const PAGE_SIZE = 20;
// A client's own bookings are few; the upcoming/past split needs a status set the list query does not take.
const FETCH_LIMIT = 1000;

/**
 * Upcoming: active bookings from now, soonest first. Past & cancelled: those
 * that have started, plus future ones cancelled or expired, latest first.
 */
async function bookingsFor(client: PublicUser, tab: 'upcoming' | 'past'): Promise<BookingDto[]> {
  const at = now();
  const ahead = (await listBookings(client, { from: at, order: 'upcoming', page: 1, pageSize: FETCH_LIMIT })).bookings;
  if (tab === 'upcoming') return ahead.filter((b) => isActive(b.status));
  const before = (await listBookings(client, { to: at, order: 'latest', page: 1, pageSize: FETCH_LIMIT })).bookings;
  return [...ahead.filter((b) => !isActive(b.status)).reverse(), ...before];
}

export default async function MyBookingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const client = await requirePageRole('client', '/account/bookings');
  const params = await searchParams;
  const tab = singleParam(params, 'tab') === 'past' ? 'past' : 'upcoming';
  const rawPage = singleParam(params, 'page') ?? '';
  const all = await bookingsFor(client, tab);
  const pageCount = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(/^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1, pageCount);
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <PageHeader
        title="My bookings"
        description="Your classes and 1:1 sessions. Times are shown in your own time zone."
        actions={
          <Link href="/schedule" className={buttonVariants({ variant: 'outline' })}>
            Book something
          </Link>
        }
      />
      <NoticeList userId={client.id} />
      <TabLinks
        label="Bookings"
        tabs={[
          { href: '/account/bookings', label: 'Upcoming', current: tab === 'upcoming' },
          { href: '/account/bookings?tab=past', label: 'Past & cancelled', current: tab === 'past' },
        ]}
      />
      {shown.length ? (
        <div className="flex flex-col gap-6">
          <ClientBookingsList bookings={shown} />
          <Pagination basePath="/account/bookings" query={tab === 'past' ? { tab } : {}} page={page} pageCount={pageCount} />
        </div>
      ) : (
        <p className="flex items-center gap-2 rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-sm text-muted-foreground">
          <CalendarDays aria-hidden="true" className="size-4" />
          {tab === 'upcoming' ? (
            <span>
              Nothing booked ahead.{' '}
              <Link href="/schedule" className="font-medium text-primary underline-offset-4 hover:underline">
                See the schedule
              </Link>
            </span>
          ) : (
            'No past or cancelled bookings yet.'
          )}
        </p>
      )}
    </>
  );
}
