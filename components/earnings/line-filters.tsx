import { Download } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { EARNING_STATES } from '@/lib/earnings';
import { earningStateLabel } from './labels';
import type { LineFilters } from './line-query';

/** A plain GET form over the lines (state and UTC days), and the CSV of what it shows. */
export function EarningLinesFilter({ action, filters }: { action: string; filters: LineFilters }) {
  const { values } = filters;
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action={action} role="search" aria-label="Filter earnings" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="lines-state" label="State">
        <NativeSelect id="lines-state" name="state" defaultValue={values.state ?? ''}>
          <option value="">Any state</option>
          {EARNING_STATES.map((s) => (
            <option key={s} value={s}>
              {earningStateLabel[s]}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="lines-from" label="From (UTC date)">
        <Input id="lines-from" name="from" type="date" defaultValue={values.from} />
      </FilterField>
      <FilterField id="lines-to" label="To (UTC date, inclusive)">
        <Input id="lines-to" name="to" type="date" defaultValue={values.to} />
      </FilterField>
      <div className="flex flex-wrap items-end gap-2">
        <Button type="submit">Filter</Button>
        {any ? (
          <Button asChild variant="ghost">
            <Link href={action}>Clear</Link>
          </Button>
        ) : null}
        <Button asChild variant="outline">
          {/* A plain link, not next/link: this is a file, not a page. */}
          <a href={filters.csvHref}>
            <Download aria-hidden="true" />
            Download CSV
          </a>
        </Button>
      </div>
    </form>
  );
}
