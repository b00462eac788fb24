import { FilterButtons, SelectFilter } from '@/components/filter-controls';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { outboxStateLabel, outboxStates } from './labels';

export interface AdminMailFilterValues {
  state?: string;
  recipient?: string;
}

const stateOptions = outboxStates.map((s) => ({ value: s, label: outboxStateLabel[s] }));

/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function AdminMailFilter({ values }: { values: AdminMailFilterValues }) {
  return (
    <form method="get" action="/admin/mail" role="search" aria-label="Filter messages" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="mail-recipient" label="Recipient" className="lg:col-span-2">
        <Input id="mail-recipient" name="recipient" type="search" placeholder="E-mail address or part of it" defaultValue={values.recipient} maxLength={200} />
      </FilterField>
      <SelectFilter id="mail-state" name="state" label="State" anyLabel="Any state" value={values.state} options={stateOptions} />
      <FilterButtons clearHref="/admin/mail" showClear={Object.values(values).some(Boolean)} />
    </form>
  );
}
