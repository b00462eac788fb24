import 'server-only';
import { now } from '@/lib/clock';
import { listEarningLines, type EarningLineDto, type EarningState } from '@/lib/earnings';
import { logger } from '@/lib/logger';
import { minorToDecimal } from '@/lib/money';
import { csvStream, type CsvColumn } from './csv';

/** Lines asked of lib/earnings per page; one page becomes one chunk of the response. */
const PAGE_SIZE = 100;

export interface EarningLinesExport {
  providerId: string;
  state?: EarningState;
  from?: Date;
  to?: Date;
}

const text = (header: keyof EarningLineDto & string, value: (l: EarningLineDto) => string | null): CsvColumn<EarningLineDto> => ({ header, kind: 'text', value });
// Amounts in the currency's major unit ("12.50"), signed: a clawback is negative.
const decimal = (header: 'gross' | 'fee' | 'net'): CsvColumn<EarningLineDto> => ({
  header,
  kind: 'number',
  value: (l) => minorToDecimal(l[header].amount, l[header].currency),
});

/** The columns, in order. */
export const earningLineColumns: readonly CsvColumn<EarningLineDto>[] = [
  text('id', (l) => l.id),
  text('booking_id', (l) => l.booking_id),
  text('payment_id', (l) => l.payment_id),
  text('credit_id', (l) => l.credit_id),
  text('kind', (l) => l.kind),
  text('state', (l) => l.state),
  { header: 'currency', kind: 'text', value: (l) => l.net.currency },
  decimal('gross'),
  decimal('fee'),
  decimal('net'),
  text('created_at', (l) => l.created_at),
  text('delivered_at', (l) => l.delivered_at),
  text('payout_id', (l) => l.payout_id),
  // Last, so the columns before it keep their places: card, mpesa, or empty for a credit.
  text('payment_provider', (l) => l.payment_provider),
];

/** "earnings-20270301T000000Z-20270401T000000Z.csv", or "earnings.csv" with no range. */
export function earningLinesFileName(q: Pick<EarningLinesExport, 'from' | 'to'>): string {
  const stamp = (d: Date) => d.toISOString().replace('.000Z', 'Z').replace(/[-:]/g, '');
  if (!q.from && !q.to) return 'earnings.csv';
  return `earnings-${q.from ? stamp(q.from) : 'start'}-${q.to ? stamp(q.to) : 'now'}.csv`;
}

/** listEarningLines page after page, until a short page. */
async function* pages(q: EarningLinesExport): AsyncGenerator<EarningLineDto[]> {
  for (let page = 1; ; page++) {
    const { lines, total } = await listEarningLines(q.providerId, { state: q.state, from: q.from, to: q.to, page, pageSize: PAGE_SIZE });
    if (lines.length) yield lines;
    if (lines.length < PAGE_SIZE || page * PAGE_SIZE >= total) return;
  }
}

/**
 * One provider's earning lines as a CSV byte stream, a page of lines per
 * chunk, fetched only as the reader asks for more. The range ends when the
 * export starts, so lines made meanwhile do not shift the pages under it.
 */
export function earningLinesCsv(q: EarningLinesExport, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const started = now();
  const to = q.to && q.to.getTime() < started.getTime() ? q.to : started;
  return csvStream(earningLineColumns, pages({ ...q, to }), {
    signal,
    onError: (err) => logger.error('earnings export failed', { name: (err as Error)?.name, message: (err as Error)?.message }),
  });
}
