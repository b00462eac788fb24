'use client';

import { Download } from 'lucide-react';
import type { ReactElement, ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/money';

export interface ChartPoint {
  start: string;
  gross: number;
  net: number;
  refunds: number;
  platform_fees: number;
  payments_succeeded: number;
  payments_failed: number;
  success_rate: number | null;
}

export interface ProviderPoint {
  key: string;
  name: string;
  gross: number;
  net: number;
  platform_fees: number;
}

/** A chart's CSV as a data: link with its file name, built by the server page. */
export interface CsvLink {
  href: string;
  fileName: string;
}

const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const label = (d: string) => dayLabel.format(new Date(`${d}T00:00:00Z`));
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

/** The chart's figures for screen readers: the header row, then one row a point, its first cell naming it. */
interface FigureTable {
  caption: string;
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}

function Frame({ title, id, csv, table, children }: { title: string; id: string; csv: CsvLink; table: FigureTable; children: ReactElement }) {
  return (
    <figure className="flex flex-col gap-3" aria-labelledby={id} data-testid={`chart-${id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption id={id} className="font-medium">
          {title}
        </figcaption>
        <Button asChild variant="outline" size="sm">
          {/* The chart's own figures; a plain link with download, not a page. */}
          <a href={csv.href} download={csv.fileName}>
            <Download aria-hidden="true" />
            CSV<span className="sr-only"> of {title.toLowerCase()}</span>
          </a>
        </Button>
      </div>
      {/* The drawing is for the eye; the same figures follow as a table for screen readers. */}
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
      {/* A table is never narrower than its content: the 1 px box that hides it is a div around it, or it widens a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map(({ key, cells: [name, ...values] }) => (
              <tr key={key}>
                <th scope="row">{name}</th>
                {values.map((v, i) => (
                  <td key={table.columns[i + 1]}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** One currency's charts: revenue and fees over time, payment success rate, revenue by provider. */
export function SummaryCharts({
  currency,
  series,
  providers,
  csv,
}: {
  currency: string;
  series: ChartPoint[];
  providers: ProviderPoint[];
  csv: { revenue: CsvLink; success: CsvLink; providers: CsvLink };
}) {
  const amount = (v: number) => formatMoney({ amount: v, currency }, { zero: 'amount' });
  const rows = series.map((p) => ({ ...p, label: label(p.start), rate: p.success_rate === null ? null : Math.round(p.success_rate * 1000) / 10 }));
  const upper = currency.toUpperCase();
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <Frame
        id={`revenue-${currency}`}
        title={`Revenue and fees over time (${upper})`}
        csv={csv.revenue}
        table={{
          caption: `Revenue and fees over time, ${upper}`,
          columns: ['From', 'Charged', 'Refunded', 'Net', 'Platform fees'],
          rows: rows.map((r) => ({ key: r.start, cells: [r.label, amount(r.gross), amount(r.refunds), amount(r.net), amount(r.platform_fees)] })),
        }}
      >
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" tickLine={false} fontSize={12} minTickGap={16} />
          <YAxis tickLine={false} axisLine={false} fontSize={12} width={80} tickFormatter={amount} />
          <Tooltip formatter={(v) => amount(Number(v))} />
          <Legend />
          <Line type="linear" dataKey="gross" name="Charged" stroke="var(--color-primary)" dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="net" name="Net of refunds" stroke="var(--color-muted-foreground)" dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="platform_fees" name="Platform fees" stroke="var(--color-destructive)" dot={false} isAnimationActive={false} />
        </LineChart>
      </Frame>

      <Frame
        id={`success-${currency}`}
        title={`Payment success rate (${upper})`}
        csv={csv.success}
        table={{
          caption: `Payment success rate, ${upper}`,
          columns: ['From', 'Succeeded', 'Failed', 'Success rate'],
          rows: rows.map((r) => ({ key: r.start, cells: [r.label, r.payments_succeeded, r.payments_failed, percent(r.success_rate)] })),
        }}
      >
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" tickLine={false} fontSize={12} minTickGap={16} />
          <YAxis tickLine={false} axisLine={false} fontSize={12} width={48} domain={[0, 100]} unit="%" />
          <Tooltip formatter={(v) => `${Number(v).toFixed(1)} %`} />
          <Line type="linear" dataKey="rate" name="Success rate" stroke="var(--color-primary)" connectNulls isAnimationActive={false} />
        </LineChart>
      </Frame>

      <div className="lg:col-span-2">
        <Frame
          id={`providers-${currency}`}
          title={`Revenue by provider (${upper})`}
          csv={csv.providers}
          table={{
            caption: `Revenue by provider, ${upper}`,
            columns: ['Provider', 'Charged', 'Net of refunds', 'Platform fees'],
            rows: providers.map((p) => ({ key: p.key, cells: [p.name, amount(p.gross), amount(p.net), amount(p.platform_fees)] })),
          }}
        >
          <BarChart accessibilityLayer={false} data={providers} layout="vertical" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tickLine={false} fontSize={12} tickFormatter={amount} />
            <YAxis type="category" dataKey="name" tickLine={false} axisLine={false} fontSize={12} width={140} />
            <Tooltip formatter={(v) => amount(Number(v))} />
            <Legend />
            <Bar dataKey="gross" name="Charged" fill="var(--color-primary)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
            <Bar dataKey="net" name="Net of refunds" fill="var(--color-muted-foreground)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
          </BarChart>
        </Frame>
      </div>
    </div>
  );
}
