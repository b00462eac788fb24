'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeeklyNet } from '@/lib/earnings';
import { formatMoney } from '@/lib/money';

const weekLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const COLOURS = ['var(--color-primary)', 'var(--color-muted-foreground)', 'var(--color-destructive)'];

/** "3 Mar" for the Monday "2027-03-03". */
function weekOf(weekStart: string): string {
  const date = new Date(`${weekStart}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? weekStart : weekLabel.format(date);
}

type Row = { week: string; label: string } & Record<string, number | string>;

/** One row per week, one key per currency (minor units). */
function pivot(weeks: WeeklyNet[]): { rows: Row[]; currencies: string[] } {
  const currencies = [...new Set(weeks.map((w) => w.currency))];
  const byWeek = new Map<string, Row>();
  for (const w of weeks) {
    const row = byWeek.get(w.week_start) ?? { week: w.week_start, label: weekOf(w.week_start) };
    row[w.currency] = w.net;
    byWeek.set(w.week_start, row);
  }
  return { rows: [...byWeek.values()], currencies };
}

/** Net earned per week (oldest first), as bars; the same figures as a table for screen readers. */
export function WeeklyNetChart({ weeks }: { weeks: WeeklyNet[] }) {
  const { rows, currencies } = pivot(weeks);
  const single = currencies.length === 1 ? currencies[0] : undefined;
  return (
    <div data-testid="weekly-net-chart">
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" tickLine={false} fontSize={12} />
            <YAxis
              tickLine={false}
              axisLine={false}
              fontSize={12}
              width={72}
              tickFormatter={(v: number) => (single ? formatMoney({ amount: v, currency: single }, { zero: 'amount' }) : String(v))}
            />
            <Tooltip formatter={(value, name) => formatMoney({ amount: Number(value), currency: String(name) }, { zero: 'amount' })} />
            {currencies.map((c, i) => (
              <Bar key={c} dataKey={c} name={c} fill={COLOURS[i % COLOURS.length]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* A table is never narrower than its content: the 1 px box that hides it is a div around it, or it widens a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>Net earned per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {currencies.map((c) => (
                <th key={c} scope="col">
                  {c.toUpperCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.week}>
                <th scope="row">{r.label}</th>
                {currencies.map((c) => (
                  <td key={c}>{formatMoney({ amount: Number(r[c] ?? 0), currency: c }, { zero: 'amount' })}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
