/**
 * CSV writing (RFC 4180): fields separated by commas, records ended by CRLF,
 * a field quoted when it holds a comma, a double quote, CR or LF, and a
 * double quote inside a quoted field doubled.
 */

export type CsvValue = string | number | null | undefined;

/** `text` cells are guarded against formula injection; `number` cells are written as they are. */
export interface CsvColumn<Row> {
  header: string;
  kind: 'text' | 'number';
  value: (row: Row) => CsvValue;
}

const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One field, quoted only when it must be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Text a person or Stripe wrote: a leading = + - @ tab or CR gets a ' so a spreadsheet shows it as text. */
export function csvText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return csvField(FORMULA_START.test(text) ? `'${text}` : text);
}

/**
 * A number is written as it is, so a refund's -1500 stays a number. Anything
 * that is not a plain number (it should never happen) falls back to the text
 * guard rather than reach a spreadsheet unguarded.
 */
export function csvNumber(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return PLAIN_NUMBER.test(text) ? text : csvText(text);
}

export function csvHeader<Row>(columns: readonly CsvColumn<Row>[]): string {
  return `${columns.map((c) => csvText(c.header)).join(',')}\r\n`;
}

export function csvRecord<Row>(columns: readonly CsvColumn<Row>[], row: Row): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as CsvColumn<Row>;
    const value = column.value(row);
    if (i > 0) line += ',';
    line += column.kind === 'number' ? csvNumber(value) : csvText(value);
  }
  return `${line}\r\n`;
}

function records<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  let out = '';
  for (const row of rows) out += csvRecord(columns, row);
  return out;
}

/**
 * A CSV file as a byte stream: the header, then one chunk per batch of rows.
 * The next batch is only asked for when the reader wants more (pull, one
 * chunk queued at most), so memory stays flat and a slow reader slows the
 * source. The first batch is read before this returns, so a source that fails
 * at once fails here, before any response has started.
 *
 * When the reader cancels or `signal` aborts, the source's return() is called
 * (for a database cursor: close it, freeing the connection), but only once a
 * batch on its way has arrived: return() during a pending next() is not safe
 * for every iterator (a postgres-js cursor would then wait forever). A failure
 * later errors the stream, so the file is cut short rather than look whole.
 */
export async function csvStream<Row>(
  columns: readonly CsvColumn<Row>[],
  batches: AsyncIterator<Row[]>,
  options: { signal?: AbortSignal; onError?: (err: unknown) => void } = {},
): Promise<ReadableStream<Uint8Array>> {
  const { signal, onError } = options;
  const encoder = new TextEncoder();
  let finished = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  const finish = () => {
    finished = true;
    signal?.removeEventListener('abort', onAbort);
  };
  const stop = async () => {
    if (finished) return;
    finish();
    await inFlight.catch(() => undefined);
    await batches.return?.();
  };
  const onAbort = () => void stop();

  let head: string;
  try {
    const first = await batches.next();
    head = csvHeader(columns) + (first.done ? '' : records(columns, first.value));
    if (first.done) finish();
  } catch (err) {
    await stop();
    throw err;
  }
  if (!finished) signal?.addEventListener('abort', onAbort, { once: true });

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(head));
        if (finished) controller.close();
      },
      async pull(controller) {
        if (finished) return;
        try {
          const next = batches.next();
          inFlight = next;
          const batch = await next;
          if (finished) return;
          if (batch.done) {
            finish();
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(records(columns, batch.value)));
        } catch (err) {
          onError?.(err);
          await stop();
          controller.error(err);
        }
      },
      cancel: stop,
    },
    { highWaterMark: 1 },
  );
}

/** A CSV download: the stream as an attachment named `fileName`, never cached or sniffed. */
export function csvResponse(body: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
