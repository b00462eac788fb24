import { Search } from 'lucide-react';
import Link from 'next/link';
import { SelectFilter } from '@/components/filter-controls';
import { Button } from '@/components/ui/button';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { cn } from '@/components/ui/utils';
import { hasNarrowingFilters, scheduleHref, TIMES_OF_DAY, type ScheduleFilters } from '@/lib/schedule';

const KINDS = [
  { value: 'class', label: 'Classes' },
  { value: 'session', label: '1:1 sessions' },
] as const;

const PLACES = [
  { value: 'in_person', label: 'In person' },
  { value: 'online', label: 'Online' },
] as const;

/** "All · Classes · 1:1 sessions": the kind filter as links, at the top, so 1:1 sessions are one step away. */
export function KindTabs({ filters }: { filters: ScheduleFilters }) {
  const tabs = [{ value: undefined, label: 'Everything' }, ...KINDS];
  return (
    <nav aria-label="What to book" className="flex flex-wrap gap-2">
      {tabs.map((t) => {
        const current = filters.kind === t.value;
        return (
          <Link
            key={t.label}
            href={scheduleHref(filters, { kind: t.value, day: undefined })}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'rounded-full border border-border px-4 py-2 text-sm font-medium hover:bg-muted',
              current && 'border-primary bg-primary text-primary-foreground hover:bg-primary',
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * The schedule's filters: a plain GET form, so it works without JavaScript and
 * its URL can be shared. The week and the view travel as hidden fields.
 */
export function ScheduleFilterForm({ filters, providers }: { filters: ScheduleFilters; providers: { id: string; name: string }[] }) {
  return (
    <form method="get" action="/schedule" role="search" aria-label="Filter the schedule" className="grid gap-4 rounded-lg border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      {filters.week ? <input type="hidden" name="week" value={filters.week} /> : null}
      {filters.view === 'list' ? <input type="hidden" name="view" value="list" /> : null}
      <FilterField id="schedule-q" label="Search" className="sm:col-span-2">
        <Input id="schedule-q" name="q" type="search" defaultValue={filters.q} placeholder="Class or practitioner" maxLength={100} />
      </FilterField>
      <SelectFilter id="schedule-provider" name="provider" label="Practitioner" anyLabel="Anyone" value={filters.provider} options={providers.map((p) => ({ value: p.id, label: p.name }))} />
      <SelectFilter id="schedule-kind" name="kind" label="Kind" anyLabel="Classes and 1:1" value={filters.kind} options={KINDS} />
      <SelectFilter id="schedule-place" name="place" label="Where" anyLabel="In person or online" value={filters.place} options={PLACES} />
      <SelectFilter id="schedule-time" name="time" label="Time of day" anyLabel="Any time" value={filters.time} options={TIMES_OF_DAY} />
      <div className="flex items-center gap-2 lg:col-span-2">
        <input id="schedule-free" type="checkbox" name="free" value="1" defaultChecked={filters.free} className="size-4 accent-(--color-primary)" />
        <label htmlFor="schedule-free" className="text-sm">
          Only with free places
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4 lg:justify-end">
        <Button type="submit">
          <Search aria-hidden="true" />
          Show
        </Button>
        {hasNarrowingFilters(filters) ? (
          <Button asChild variant="ghost">
            <Link href={scheduleHref({ view: filters.view, week: filters.week, free: false })}>Clear filters</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
