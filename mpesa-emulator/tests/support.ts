import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, DEFAULT_CONFIG, expectedPassword, nairobiStamp, type Emulator, type EmulatorConfig } from '../src/index';

export const KEY = DEFAULT_CONFIG.consumerKey;
export const SECRET = DEFAULT_CONFIG.consumerSecret;
export const SHORTCODE = DEFAULT_CONFIG.shortcode;
export const PASSKEY = DEFAULT_CONFIG.passkey;

export const PHONES = {
  approves: '254708374149',
  cancels: '254700000001',
  timesOut: '254700000002',
  insufficient: '254700000003',
  loses: '254700000004',
  wrongPin: '254700000005',
  person: '254712345678',
} as const;

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

export interface TestEmulator {
  emu: Emulator;
  url: string;
  /** A fresh access token (which invalidates the one before). */
  token(): Promise<string>;
  /** POST a JSON body with the current token. */
  call(path: string, body: unknown, token?: string): Promise<Reply>;
  /** A valid STK Push body for the phone, with overrides. */
  pushBody(phone: string, overrides?: Record<string, unknown>): Record<string, unknown>;
  push(phone: string, overrides?: Record<string, unknown>): Promise<Reply>;
  query(checkoutRequestId: string): Promise<Reply>;
  control(path: string, body?: unknown): Promise<Reply>;
  close(): Promise<void>;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function startTestEmulator(config: Partial<EmulatorConfig> = {}): Promise<TestEmulator> {
  const emu = createEmulator({ port: 0, callbackAttempts: 4, callbackRetryBaseMs: 10, tickMs: 20, ...config });
  const url = await emu.listen();
  let current = '';
  const t: TestEmulator = {
    emu,
    url,
    async token() {
      const res = await fetch(`${url}/oauth/v1/generate?grant_type=client_credentials`, {
        headers: { authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}` },
      });
      const body = (await res.json()) as { access_token: string };
      current = body.access_token;
      return current;
    },
    async call(path, body, token) {
      if (token === undefined && current === '') await t.token();
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token ?? current}`, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return reply(res);
    },
    pushBody(phone, overrides = {}) {
      const timestamp = nairobiStamp(emu.clock.nowMs());
      return {
        BusinessShortCode: SHORTCODE,
        Password: expectedPassword(SHORTCODE, PASSKEY, timestamp),
        Timestamp: timestamp,
        TransactionType: 'CustomerPayBillOnline',
        Amount: 100,
        PartyA: phone,
        PartyB: SHORTCODE,
        PhoneNumber: phone,
        CallBackURL: receiverUrl,
        AccountReference: 'WB-1234',
        TransactionDesc: 'Yoga class',
        ...overrides,
      };
    },
    push: (phone, overrides) => t.call('/mpesa/stkpush/v1/processrequest', t.pushBody(phone, overrides)),
    query(id) {
      const timestamp = nairobiStamp(emu.clock.nowMs());
      return t.call('/mpesa/stkpushquery/v1/query', {
        BusinessShortCode: SHORTCODE,
        Password: expectedPassword(SHORTCODE, PASSKEY, timestamp),
        Timestamp: timestamp,
        CheckoutRequestID: id,
      });
    },
    async control(path, body) {
      const res = await fetch(`${url}/_emulator${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return reply(res);
    },
    close: () => emu.close(),
  };
  return t;
}

/** Where test pushes send their callbacks unless told otherwise; set by startReceiver. */
let receiverUrl = 'http://127.0.0.1:9/callback';

export interface Received {
  path: string;
  body: Record<string, unknown>;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** The status to answer; sees the request number (1-based). */
  status: (n: number) => number;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  clear(): void;
  close(): Promise<void>;
}

/** A local HTTP receiver for callbacks and reversal results; pushes go to it by default. */
export async function startReceiver(): Promise<Receiver> {
  const r: Receiver = {
    url: '',
    requests: [],
    status: () => 200,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (r.requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${r.requests.length}`);
        await new Promise((res) => setTimeout(res, 10));
      }
      return r.requests;
    },
    clear() {
      r.requests = [];
      r.status = () => 200;
    },
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.requests.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      res.writeHead(r.status(r.requests.length));
      res.end('{}');
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  receiverUrl = r.url;
  return r;
}

/** Polls until the check passes (real time, short). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((res) => setTimeout(res, 10));
  }
}

/** The stkCallback inside a callback body. */
export function stk(received: Received): Record<string, unknown> {
  return (received.body.Body as { stkCallback: Record<string, unknown> }).stkCallback;
}
