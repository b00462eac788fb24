import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';

/** A select of a GET filter form, its first option ("Any …") the empty value. */
export function SelectFilter({
  id,
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <FilterField id={id} label={label}>
      <NativeSelect id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </FilterField>
  );
}

/** The `from` and `to` UTC day inputs of a GET filter form. */
export function DateRangeFilter({ idPrefix, fromLabel = 'From (UTC date)', from, to }: { idPrefix: string; fromLabel?: string; from?: string; to?: string }) {
  return (
    <>
      <FilterField id={`${idPrefix}-from`} label={fromLabel}>
        <Input id={`${idPrefix}-from`} name="from" type="date" defaultValue={from} />
      </FilterField>
      <FilterField id={`${idPrefix}-to`} label="To (UTC date, inclusive)">
        <Input id={`${idPrefix}-to`} name="to" type="date" defaultValue={to} />
      </FilterField>
    </>
  );
}

/** Filter, and Clear (back to the unfiltered list) when any filter is set. */
export function FilterButtons({ clearHref, showClear, className = 'flex items-end gap-2', children }: { clearHref: string; showClear: boolean; className?: string; children?: ReactNode }) {
  return (
    <div className={className}>
      <Button type="submit">Filter</Button>
      {showClear ? (
        <Button asChild variant="ghost">
          <Link href={clearHref}>Clear</Link>
        </Button>
      ) : null}
      {children}
    </div>
  );
}
