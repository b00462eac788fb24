import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { outboxStateLabel, outboxStates } from './labels';

export interface AdminMailFilterValues {
  state?: string;
  recipient?: string;
}

/** A plain GET form: the filters live in the URL, so a view can be shared and survives a reload. */
export function AdminMailFilter({ values }: { values: AdminMailFilterValues }) {
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/admin/mail" role="search" aria-label="Filter messages" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="mail-recipient" label="Recipient" className="lg:col-span-2">
        <Input id="mail-recipient" name="recipient" type="search" placeholder="E-mail address or part of it" defaultValue={values.recipient} maxLength={200} />
      </FilterField>
      <FilterField id="mail-state" label="State">
        <NativeSelect id="mail-state" name="state" defaultValue={values.state ?? ''}>
          <option value="">Any state</option>
          {outboxStates.map((s) => (
            <option key={s} value={s}>
              {outboxStateLabel[s]}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        {any ? (
          <Button asChild variant="ghost">
            <Link href="/admin/mail">Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
