import { describe, expect, it } from 'vitest';
import { csvStream, type CsvColumn } from '@/lib/reports/csv';

type Row = { name: string; amount: number };
const columns: CsvColumn<Row>[] = [
  { header: 'name', kind: 'text', value: (r) => r.name },
  { header: 'amount', kind: 'number', value: (r) => r.amount },
];

/**
 * A source like a postgres-js cursor: batches handed out one next() at a
 * time, some held back until released, and a return() that must not come
 * while a next() is pending (the real cursor would then wait forever).
 */
function fakeCursor(batches: (Row[] | Error)[], held: number[] = []) {
  const state = { nexts: 0, returns: 0, pending: false, returnedWhilePending: false };
  const releases = new Map<number, () => void>();
  const cursor: AsyncIterator<Row[]> = {
    async next() {
      const index = state.nexts++;
      state.pending = true;
      if (held.includes(index)) await new Promise<void>((resolve) => releases.set(index, resolve));
      state.pending = false;
      const batch = batches[index];
      if (batch instanceof Error) throw batch;
      return batch ? { done: false, value: batch } : { done: true, value: undefined };
    },
    async return() {
      if (state.pending) state.returnedWhilePending = true;
      state.returns++;
      return { done: true, value: undefined };
    },
  };
  return { cursor, state, release: (index: number) => releases.get(index)?.() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('csvStream', () => {
  it('writes the header, then every batch in order, and ends', async () => {
    const { cursor, state } = fakeCursor([[{ name: 'A, B', amount: -1 }], [{ name: '=x', amount: 2 }, { name: 'c', amount: 3 }]]);
    expect(await readAll(await csvStream(columns, cursor))).toBe('name,amount\r\n"A, B",-1\r\n\'=x,2\r\nc,3\r\n');
    expect(state.returns).toBe(0);
  });

  it('is just the header when there are no rows', async () => {
    const { cursor, state } = fakeCursor([]);
    expect(await readAll(await csvStream(columns, cursor))).toBe('name,amount\r\n');
    expect(state.nexts).toBe(1);
  });

  it('asks for a batch only when the reader wants more', async () => {
    const { cursor, state } = fakeCursor(Array.from({ length: 10 }, (_, i) => [{ name: `r${i}`, amount: i }]));
    const reader = (await csvStream(columns, cursor)).getReader();
    await tick();
    expect(state.nexts).toBe(1);
    await reader.read();
    await tick();
    expect(state.nexts).toBe(2);
    await reader.read();
    await tick();
    expect(state.nexts).toBe(3);
    await reader.cancel();
    expect(state.returns).toBe(1);
  });

  it('on cancel while a batch is on its way, closes the source only once it has arrived', async () => {
    const { cursor, state, release } = fakeCursor([[{ name: 'a', amount: 1 }], [{ name: 'b', amount: 2 }]], [1]);
    const reader = (await csvStream(columns, cursor)).getReader();
    await reader.read();
    await tick();
    expect(state.pending).toBe(true);
    const cancelled = reader.cancel();
    await tick();
    expect(state.returns).toBe(0);
    release(1);
    await cancelled;
    expect(state.returns).toBe(1);
    expect(state.returnedWhilePending).toBe(false);
  });

  it('closes the source when the signal aborts', async () => {
    const { cursor, state } = fakeCursor([[{ name: 'a', amount: 1 }], [{ name: 'b', amount: 2 }], [{ name: 'c', amount: 3 }]]);
    const aborter = new AbortController();
    const reader = (await csvStream(columns, cursor, { signal: aborter.signal })).getReader();
    await reader.read();
    aborter.abort();
    await tick();
    expect(state.returns).toBe(1);
    expect(state.returnedWhilePending).toBe(false);
  });

  it('errors the stream when the source fails midway, and reports it', async () => {
    const failure = new Error('connection lost');
    const { cursor } = fakeCursor([[{ name: 'a', amount: 1 }], failure]);
    const errors: unknown[] = [];
    const stream = await csvStream(columns, cursor, { onError: (err) => errors.push(err) });
    await expect(readAll(stream)).rejects.toThrow('connection lost');
    expect(errors).toEqual([failure]);
  });

  it('closes the source when a batch cannot be written', async () => {
    const { cursor, state } = fakeCursor([[{ name: 'a', amount: 1 }], [{ name: 'b', amount: 2 }], [{ name: 'c', amount: 3 }]]);
    const broken: CsvColumn<Row>[] = [
      {
        header: 'name',
        kind: 'text',
        value: (r) => {
          if (r.name === 'b') throw new TypeError('unexpected row');
          return r.name;
        },
      },
    ];
    await expect(readAll(await csvStream(broken, cursor))).rejects.toThrow('unexpected row');
    expect(state.returns).toBe(1);
  });

  it('fails before any response when the first batch fails', async () => {
    const { cursor } = fakeCursor([new Error('relation does not exist')]);
    await expect(csvStream(columns, cursor)).rejects.toThrow('relation does not exist');
  });
});
