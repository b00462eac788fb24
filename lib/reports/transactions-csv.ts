import 'server-only';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { minorToDecimal } from '@/lib/money';
import { csvStream, type CsvColumn } from './csv';
import { DAY_MS } from '@/lib/time';
import { MAX_EXPORT_RANGE_DAYS } from '@/lib/export-range';

/** Rows fetched from PostgreSQL per round trip; one batch becomes one chunk of the response (about 300 KB). */
const BATCH_ROWS = 1000;

export interface ExportRange {
  from: Date;
  to: Date;
}

/** One ledger row with its payment, client and provider, as the export query returns it. */
export interface LedgerExportRow {
  id: string;
  /** ISO 8601 in UTC, to the millisecond, like the API's other instants. */
  created_at: string;
  type: string;
  payment_id: string;
  stripe_object_id: string;
  gross: number;
  fee: number;
  net: number;
  currency: string;
  payable_type: string;
  payable_id: string;
  payment_status: string;
  payment_amount: number;
  refunded_amount: number;
  payment_provider: string;
  mpesa_receipt: string | null;
  card_brand: string | null;
  card_last4: string | null;
  client_id: string;
  client_name: string;
  client_email: string;
  provider_id: string | null;
  provider_name: string | null;
  /** The jsonb as PostgreSQL prints it. */
  metadata: string;
}

/** A column of the file, with the line the admin page shows about it. */
export type TransactionColumn = CsvColumn<LedgerExportRow> & { description: string };
type FieldOf<V> = { [K in keyof LedgerExportRow]: LedgerExportRow[K] extends V ? K : never }[keyof LedgerExportRow];
const text = (header: FieldOf<string | null>, description: string): TransactionColumn => ({ header, description, kind: 'text', value: (r) => r[header] });
// The bigint id arrives as a string of digits: still a number in the file.
const number = (header: FieldOf<number | string>, description: string): TransactionColumn => ({
  header,
  description,
  kind: 'number',
  value: (r) => r[header],
});
const decimal = (header: 'gross' | 'fee' | 'net'): TransactionColumn => ({
  header: `${header}_decimal`,
  description: `${header} in major units (pounds, dollars), for reading.`,
  kind: 'number',
  value: (r) => minorToDecimal(r[header], r.currency),
});

/** The columns, in order; money in integer minor units, signed (refunds are negative), plus a decimal copy for people. */
export const transactionColumns: readonly TransactionColumn[] = [
  number('id', 'The ledger entry’s number; it only grows.'),
  text('created_at', 'When the money moved, UTC, ISO 8601.'),
  text('type', 'single (a booking), purchase (a class package) or refund.'),
  text('payment_id', 'The payment: a Stripe PaymentIntent (pi_…) or an M-Pesa payment (mp_…), the same on a payment and its refunds.'),
  text('stripe_object_id', 'What moved the money: a Stripe charge (ch_…) or refund (re_…), or for M-Pesa mpesa:<CheckoutRequestID> or a reversal; “:failed” marks the reversal of a refund that failed.'),
  text('currency', 'ISO currency code, lower case.'),
  number('gross', 'What the client paid, in minor units (pence, cents); negative for refunds.'),
  number('fee', 'The platform’s fee in minor units, reduced in proportion on a refund.'),
  number('net', 'The practitioner’s share in minor units: gross − fee.'),
  decimal('gross'),
  decimal('fee'),
  decimal('net'),
  text('payable_type', 'What was paid for, such as booking.'),
  text('payable_id', 'The id of what was paid for (for a booking, the booking’s id).'),
  text('payment_status', 'The payment’s status now (succeeded, partially_refunded, refunded, …), not at the time of this entry.'),
  number('payment_amount', 'The whole payment, in minor units.'),
  number('refunded_amount', 'How much of the payment has been refunded so far, in minor units.'),
  text('payment_provider', 'How the client paid: card (Stripe) or mpesa (M-Pesa STK Push).'),
  text('mpesa_receipt', 'The M-Pesa receipt number, when paid by M-Pesa.'),
  text('card_brand', 'The card’s brand, when paid by card.'),
  text('card_last4', 'The card’s last four digits.'),
  text('client_id', 'The client who paid.'),
  text('client_name', 'The client’s name as it is now.'),
  text('client_email', 'The client’s e-mail as it is now.'),
  text('provider_id', 'The practitioner paid through this payment; empty when there is none.'),
  text('provider_name', 'The practitioner’s name as it is now.'),
  text('metadata', 'What the ledger recorded with the entry, as JSON.'),
];

/**
 * The export's [from, to): `to` defaults to now, `from` to three years before
 * `to`. An empty range or one longer than three years is a 400 naming `to`.
 */
export function exportRange(from: Date | undefined, to: Date | undefined): ExportRange {
  const end = to ?? now();
  const start = from ?? new Date(end.getTime() - MAX_EXPORT_RANGE_DAYS * DAY_MS);
  if (end.getTime() <= start.getTime()) {
    throw new AppError('validation_failed', 'The range is empty.', { fields: { to: ['"to" must be after "from".'] } });
  }
  if (end.getTime() - start.getTime() > MAX_EXPORT_RANGE_DAYS * DAY_MS) {
    throw new AppError('validation_failed', 'The range can be at most three years.', { fields: { to: ['The range can be at most three years.'] } });
  }
  return { from: start, to: end };
}

/** "transactions-20270301T000000Z-20270401T000000Z.csv": no characters a file system or the header would mind. */
export function exportFileName(range: ExportRange): string {
  const stamp = (d: Date) => d.toISOString().replace('.000Z', 'Z').replace(/[-:]/g, '');
  return `transactions-${stamp(range.from)}-${stamp(range.to)}.csv`;
}

// Instants travel as ISO strings: the Drizzle client passes timestamp values to and from PostgreSQL untouched.
function ledgerQuery(range: ExportRange) {
  return getSql()<LedgerExportRow[]>`
    select t.id, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, t.type, t.payment_id, t.stripe_object_id, t.gross, t.fee, t.net, t.currency,
           p.payable_type, p.payable_id, p.status as payment_status, p.amount as payment_amount, p.refunded_amount,
           p.provider as payment_provider, p.mpesa_receipt, p.card_brand, p.card_last4,
           c.id as client_id, c.name as client_name, c.email as client_email,
           pr.id as provider_id, pr.name as provider_name,
           t.metadata::text as metadata
    from payment_transactions t
    join payments p on p.id = t.payment_id
    join users c on c.id = p.user_id
    left join users pr on pr.id = p.provider_id
    where t.created_at >= ${range.from.toISOString()} and t.created_at < ${range.to.toISOString()}
    order by t.created_at, t.id`;
}

/**
 * The ledger rows created in the range, oldest first, as a CSV byte stream.
 *
 * Rows come through a PostgreSQL cursor a batch at a time and a batch is only
 * fetched when the reader asks for more, so memory stays flat whatever the
 * size of the export and a slow client slows the query instead of filling
 * the server. A client that goes away closes the cursor, which frees the
 * connection. The first batch is read before the response starts, so a
 * database failure is still a proper error response.
 */
export function transactionsCsv(range: ExportRange, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const batches = ledgerQuery(range).cursor(BATCH_ROWS)[Symbol.asyncIterator]();
  return csvStream(transactionColumns, batches, {
    signal,
    onError: (err) => logger.error('transactions export failed', { name: (err as Error)?.name, message: (err as Error)?.message }),
  });
}
