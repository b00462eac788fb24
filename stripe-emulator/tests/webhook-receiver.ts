import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestEmulator, type TestEmulator } from './support';

export interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  /** Real time (ms) the request arrived. */
  at: number;
  signature: string;
  event: Stripe.Event;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** The status to answer; a function sees the request number (1-based). */
  status: number | ((n: number, request: Received) => number);
  /** How long to wait before answering. */
  delayMs: number;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  clear(): void;
  close(): Promise<void>;
}

/** A local webhook receiver on 127.0.0.1 that records every request. */
export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    requests: [],
    status: 200,
    delayMs: 0,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (receiver.requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${receiver.requests.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return receiver.requests.slice(0, count);
    },
    clear() {
      receiver.requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: Received = {
        body,
        headers: req.headers,
        at: Date.now(),
        signature: String(req.headers['stripe-signature'] ?? ''),
        event: JSON.parse(body) as Stripe.Event,
      };
      receiver.requests.push(request);
      const status = typeof receiver.status === 'function' ? receiver.status(receiver.requests.length, request) : receiver.status;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end('{}');
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return receiver;
}

/** The `t=` of a Stripe-Signature header. */
export function signatureTime(header: string): number {
  return Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
}

/** Causes one event (customer.created) through the SDK; returns the customer id it carries. */
export async function causeEvent(t: TestEmulator, name = 'Ada'): Promise<string> {
  const customer = await t.stripe.customers.create({ name });
  return customer.id;
}

export function objectId(event: Stripe.Event): string {
  return (event.data.object as { id?: string }).id ?? '';
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * One emulator and one receiver for a test file: started before its tests,
 * closed after, and emptied (the receiver answering 200 again) before each.
 */
export function withEmulatorAndReceiver(bind: (emulator: TestEmulator, receiver: Receiver) => void): void {
  let t: TestEmulator | undefined;
  let rcv: Receiver | undefined;
  beforeAll(async () => {
    rcv = await startReceiver();
    t = await startTestEmulator();
    bind(t, rcv);
  });
  afterAll(async () => {
    await t?.close();
    await rcv?.close();
  });
  beforeEach(() => {
    t?.emu.reset();
    if (rcv) {
      rcv.clear();
      rcv.status = 200;
    }
  });
}
