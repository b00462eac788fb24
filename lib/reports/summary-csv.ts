import { csvHeader, csvRecord, type CsvColumn } from './csv';
import type { ProviderSummary, Summary, SummaryEntry } from './summary';

/** The analytics page's charts, each downloadable as the CSV of what it draws. */
export const summaryCharts = ['revenue', 'success', 'providers'] as const;
export type SummaryChart = (typeof summaryCharts)[number];

type Row = SummaryEntry | ProviderSummary;
const number = (header: string, value: (r: Row) => number | null): CsvColumn<Row> => ({ header, kind: 'number', value });
const text = (header: string, value: (r: Row) => string | null): CsvColumn<Row> => ({ header, kind: 'text', value });

const money: CsvColumn<Row>[] = [
  number('gross', (r) => r.gross),
  number('refunds', (r) => r.refunds),
  number('net', (r) => r.net),
  number('platform_fees', (r) => r.platform_fees),
  number('provider_share', (r) => r.provider_share),
];

const COLUMNS: Record<SummaryChart, CsvColumn<Row>[]> = {
  revenue: [text('start', (r) => ('start' in r ? r.start : null)), text('currency', (r) => r.currency), ...money],
  success: [
    text('start', (r) => ('start' in r ? r.start : null)),
    text('currency', (r) => r.currency),
    number('payments_succeeded', (r) => r.payments_succeeded),
    number('payments_failed', (r) => r.payments_failed),
    number('success_rate', (r) => r.success_rate),
  ],
  providers: [
    text('provider_id', (r) => ('provider_id' in r ? r.provider_id : null)),
    text('name', (r) => ('name' in r ? r.name : null)),
    text('currency', (r) => r.currency),
    ...money,
    number('payments_succeeded', (r) => r.payments_succeeded),
  ],
};

/** One chart's data for one currency as a CSV file (amounts in minor units, rates as fractions). */
export function summaryChartCsv(summary: Summary, currency: string, chart: SummaryChart): string {
  const rows: Row[] = chart === 'providers' ? summary.by_provider.filter((p) => p.currency === currency) : summary.series.filter((s) => s.currency === currency);
  const columns = COLUMNS[chart];
  return csvHeader(columns) + rows.map((r) => csvRecord(columns, r)).join('');
}

/** "analytics-revenue-gbp-2027-03-01-2027-04-01.csv". */
export function summaryChartFileName(summary: Pick<Summary, 'from' | 'to'>, currency: string, chart: SummaryChart): string {
  return `analytics-${chart}-${currency}-${summary.from}-${summary.to}.csv`;
}
