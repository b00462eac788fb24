import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { bookingStatusLabel, bookingStatuses } from './labels';

export interface AdminBookingFilterValues {
  status?: string;
  kind?: string;
  provider?: string;
  from?: string;
  to?: string;
  search?: string;
}

const labelClass = 'text-sm font-medium';

/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function AdminBookingsFilter({ values, providers }: { values: AdminBookingFilterValues; providers: { id: string; name: string }[] }) {
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/admin/bookings" role="search" aria-label="Filter bookings" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <div className="flex flex-col gap-2 lg:col-span-2">
        <label htmlFor="bookings-search" className={labelClass}>
          Client
        </label>
        <Input id="bookings-search" name="search" type="search" placeholder="Name or e-mail" defaultValue={values.search} maxLength={100} />
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="bookings-status" className={labelClass}>
          Status
        </label>
        <NativeSelect id="bookings-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">Any status</option>
          {bookingStatuses.map((s) => (
            <option key={s} value={s}>
              {bookingStatusLabel[s]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="bookings-kind" className={labelClass}>
          Kind
        </label>
        <NativeSelect id="bookings-kind" name="kind" defaultValue={values.kind ?? ''}>
          <option value="">Classes and 1:1</option>
          <option value="class">Classes</option>
          <option value="session">1:1 sessions</option>
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="bookings-provider" className={labelClass}>
          Practitioner
        </label>
        <NativeSelect id="bookings-provider" name="provider" defaultValue={values.provider ?? ''}>
          <option value="">Any practitioner</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="bookings-from" className={labelClass}>
          From (UTC date)
        </label>
        <Input id="bookings-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="bookings-to" className={labelClass}>
          To (UTC date, inclusive)
        </label>
        <Input id="bookings-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        {any ? (
          <Button asChild variant="ghost">
            <Link href="/admin/bookings">Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
