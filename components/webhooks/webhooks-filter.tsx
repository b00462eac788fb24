import { FilterButtons, SelectFilter } from '@/components/filter-controls';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { webhookOutcomeLabel, webhookOutcomes } from './labels';

export interface WebhooksFilterValues {
  type?: string;
  outcome?: string;
}

const outcomeOptions = webhookOutcomes.map((o) => ({ value: o, label: webhookOutcomeLabel[o] }));

/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function WebhooksFilter({ values }: { values: WebhooksFilterValues }) {
  return (
    <form method="get" action="/admin/webhooks" role="search" aria-label="Filter webhook events" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="webhooks-type" label="Type" className="lg:col-span-2">
        <Input id="webhooks-type" name="type" type="search" placeholder="payment_intent.succeeded, or payment_intent." defaultValue={values.type} maxLength={100} />
      </FilterField>
      <SelectFilter id="webhooks-outcome" name="outcome" label="Outcome" anyLabel="Any outcome" value={values.outcome} options={outcomeOptions} />
      <FilterButtons clearHref="/admin/webhooks" showClear={Object.values(values).some(Boolean)} />
    </form>
  );
}
