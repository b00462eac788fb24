import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FilterField } from '@/components/ui/filter-field';
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


/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function AdminBookingsFilter({ values, providers }: { values: AdminBookingFilterValues; providers: { id: string; name: string }[] }) {
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/admin/bookings" role="search" aria-label="Filter bookings" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="bookings-search" label="Client" className="lg:col-span-2">
        <Input id="bookings-search" name="search" type="search" placeholder="Name or e-mail" defaultValue={values.search} maxLength={100} />
      </FilterField>
      <FilterField id="bookings-status" label="Status">
        <NativeSelect id="bookings-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">Any status</option>
          {bookingStatuses.map((s) => (
            <option key={s} value={s}>
              {bookingStatusLabel[s]}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="bookings-kind" label="Kind">
        <NativeSelect id="bookings-kind" name="kind" defaultValue={values.kind ?? ''}>
          <option value="">Classes and 1:1</option>
          <option value="class">Classes</option>
          <option value="session">1:1 sessions</option>
        </NativeSelect>
      </FilterField>
      <FilterField id="bookings-provider" label="Practitioner">
        <NativeSelect id="bookings-provider" name="provider" defaultValue={values.provider ?? ''}>
          <option value="">Any practitioner</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="bookings-from" label="From (UTC date)">
        <Input id="bookings-from" name="from" type="date" defaultValue={values.from} />
      </FilterField>
      <FilterField id="bookings-to" label="To (UTC date, inclusive)">
        <Input id="bookings-to" name="to" type="date" defaultValue={values.to} />
      </FilterField>
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
