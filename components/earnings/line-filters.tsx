import { Download } from 'lucide-react';
import { DateRangeFilter, FilterButtons, SelectFilter } from '@/components/filter-controls';
import { Button } from '@/components/ui/button';
import { EARNING_STATES } from '@/lib/earnings';
import { earningStateLabel } from './labels';
import type { LineFilters } from './line-query';

/** A plain GET form over the lines (state and UTC days), and the CSV of what it shows. */
export function EarningLinesFilter({ action, filters }: { action: string; filters: LineFilters }) {
  const { values } = filters;
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action={action} role="search" aria-label="Filter earnings" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <SelectFilter
        id="lines-state"
        name="state"
        label="State"
        anyLabel="Any state"
        value={values.state}
        options={EARNING_STATES.map((s) => ({ value: s, label: earningStateLabel[s] }))}
      />
      <DateRangeFilter idPrefix="lines" from={values.from} to={values.to} />
      <FilterButtons clearHref={action} showClear={any} className="flex flex-wrap items-end gap-2">
        <Button asChild variant="outline">
          {/* A plain link, not next/link: this is a file, not a page. */}
          <a href={filters.csvHref}>
            <Download aria-hidden="true" />
            Download CSV
          </a>
        </Button>
      </FilterButtons>
    </form>
  );
}
