'use client';

import { Download } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { transactionsCsvLink } from '@/lib/export-range';

/**
 * Two UTC dates and a plain link to the CSV route: the browser downloads it
 * with the session cookie, and the file streams straight to disk. The link
 * follows the dates as they change; without JavaScript it is the range the
 * page was opened with (?from=YYYY-MM-DD&to=YYYY-MM-DD, else this month).
 */
export function TransactionsExportForm({ from: initialFrom, to: initialTo }: { from: string; to: string }) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const link = transactionsCsvLink(from, to);
  return (
    <form aria-label="Export transactions" className="grid gap-3 sm:grid-cols-3">
      <FilterField id="export-from" label="From (UTC date)">
        <Input id="export-from" name="from" type="date" required value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
      </FilterField>
      <FilterField id="export-to" label="To (UTC date, inclusive)">
        <Input id="export-to" name="to" type="date" required value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
      </FilterField>
      <div className="flex items-end">
        {link.ok ? (
          <Button asChild>
            {/* A plain link, not next/link: this is a file, not a page. */}
            <a href={link.href}>
              <Download aria-hidden="true" />
              Download CSV
            </a>
          </Button>
        ) : (
          <Button disabled aria-describedby="export-range-error">
            <Download aria-hidden="true" />
            Download CSV
          </Button>
        )}
      </div>
      {!link.ok ? (
        <p id="export-range-error" role="alert" className="text-sm text-destructive sm:col-span-3">
          {link.message}
        </p>
      ) : null}
    </form>
  );
}
