import { DateRangeFilter, FilterButtons, SelectFilter } from '@/components/filter-controls';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { paymentStatusLabel, paymentStatuses } from './labels';

export interface AdminPaymentFilterValues {
  status?: string;
  provider?: string;
  from?: string;
  to?: string;
  search?: string;
}

/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function AdminPaymentsFilter({ values, providers }: { values: AdminPaymentFilterValues; providers: { id: string; name: string }[] }) {
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/admin/payments" role="search" aria-label="Filter payments" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="payments-search" label="Stripe id or client" className="lg:col-span-2">
        <Input id="payments-search" name="search" type="search" placeholder="pi_…, e-mail or name" defaultValue={values.search} maxLength={100} />
      </FilterField>
      <SelectFilter
        id="payments-status"
        name="status"
        label="Status"
        anyLabel="Any status"
        value={values.status}
        options={paymentStatuses.map((s) => ({ value: s, label: paymentStatusLabel[s] }))}
      />
      <SelectFilter
        id="payments-provider"
        name="provider"
        label="Practitioner"
        anyLabel="Any practitioner"
        value={values.provider}
        options={providers.map((p) => ({ value: p.id, label: p.name }))}
      />
      <DateRangeFilter idPrefix="payments" fromLabel="Created from (UTC date)" from={values.from} to={values.to} />
      <FilterButtons clearHref="/admin/payments" showClear={any} />
    </form>
  );
}
