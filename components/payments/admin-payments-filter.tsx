import Link from 'next/link';
import { Button } from '@/components/ui/button';
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

const labelClass = 'text-sm font-medium';

/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function AdminPaymentsFilter({ values, providers }: { values: AdminPaymentFilterValues; providers: { id: string; name: string }[] }) {
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/admin/payments" role="search" aria-label="Filter payments" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <div className="flex flex-col gap-2 lg:col-span-2">
        <label htmlFor="payments-search" className={labelClass}>
          Stripe id or client
        </label>
        <Input id="payments-search" name="search" type="search" placeholder="pi_…, e-mail or name" defaultValue={values.search} maxLength={100} />
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="payments-status" className={labelClass}>
          Status
        </label>
        <NativeSelect id="payments-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">Any status</option>
          {paymentStatuses.map((s) => (
            <option key={s} value={s}>
              {paymentStatusLabel[s]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="payments-provider" className={labelClass}>
          Practitioner
        </label>
        <NativeSelect id="payments-provider" name="provider" defaultValue={values.provider ?? ''}>
          <option value="">Any practitioner</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="payments-from" className={labelClass}>
          Created from (UTC date)
        </label>
        <Input id="payments-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="payments-to" className={labelClass}>
          To (UTC date, inclusive)
        </label>
        <Input id="payments-to" name="to" type="date" defaultValue={values.to} />
      </div>
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
