import { DateRangeFilter, FilterButtons, SelectFilter } from '@/components/filter-controls';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { bookingStatusLabel, bookingStatuses } from './labels';

export interface AdminBookingFilterValues {
  status?: string;
  kind?: string;
  provider?: string;
  from?: string;
  to?: string;
  search?: string;
}

const kindOptions = [
  { value: 'class', label: 'Classes' },
  { value: 'session', label: '1:1 sessions' },
];

/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function AdminBookingsFilter({ values, providers }: { values: AdminBookingFilterValues; providers: { id: string; name: string }[] }) {
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/admin/bookings" role="search" aria-label="Filter bookings" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="bookings-search" label="Client" className="lg:col-span-2">
        <Input id="bookings-search" name="search" type="search" placeholder="Name or e-mail" defaultValue={values.search} maxLength={100} />
      </FilterField>
      <SelectFilter
        id="bookings-status"
        name="status"
        label="Status"
        anyLabel="Any status"
        value={values.status}
        options={bookingStatuses.map((s) => ({ value: s, label: bookingStatusLabel[s] }))}
      />
      <SelectFilter id="bookings-kind" name="kind" label="Kind" anyLabel="Classes and 1:1" value={values.kind} options={kindOptions} />
      <SelectFilter
        id="bookings-provider"
        name="provider"
        label="Practitioner"
        anyLabel="Any practitioner"
        value={values.provider}
        options={providers.map((p) => ({ value: p.id, label: p.name }))}
      />
      <DateRangeFilter idPrefix="bookings" from={values.from} to={values.to} />
      <FilterButtons clearHref="/admin/bookings" showClear={any} />
    </form>
  );
}
