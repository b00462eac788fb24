import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
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
      <FilterField id="payments-status" label="Status">
        <NativeSelect id="payments-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">Any status</option>
          {paymentStatuses.map((s) => (
            <option key={s} value={s}>
              {paymentStatusLabel[s]}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="payments-provider" label="Practitioner">
        <NativeSelect id="payments-provider" name="provider" defaultValue={values.provider ?? ''}>
          <option value="">Any practitioner</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="payments-from" label="Created from (UTC date)">
        <Input id="payments-from" name="from" type="date" defaultValue={values.from} />
      </FilterField>
      <FilterField id="payments-to" label="To (UTC date, inclusive)">
        <Input id="payments-to" name="to" type="date" defaultValue={values.to} />
      </FilterField>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        {any ? (
          <Button asChild variant="ghost">
            <Link href="/admin/payments">Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
