import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * The one place the app talks to Daraja (M-Pesa): plain fetch with a timeout,
 * no SDK. OAuth tokens are cached per process and fetched again when Daraja
 * says a token is invalid (a newer one replaced it, or it expired).
 */

export class DarajaError extends Error {
  override name = 'DarajaError';
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

export interface StkPushAnswer {
  MerchantRequestID: string;
  CheckoutRequestID: string;
  ResponseCode: string;
  ResponseDescription: string;
  CustomerMessage: string;
}

export interface StkQueryAnswer {
  ResponseCode: string;
  MerchantRequestID: string;
  CheckoutRequestID: string;
  ResultCode: string | number;
  ResultDesc: string;
}

export interface ReversalAnswer {
  OriginatorConversationID: string;
  ConversationID: string;
  ResponseCode: string;
  ResponseDescription: string;
}

/** Daraja's code while an STK Push is still waiting for its phone (push: locked subscriber; query: being processed). */
export const STILL_PROCESSING = '500.001.1001';
const INVALID_TOKEN = '404.001.03';

export function mpesaConfigured(): boolean {
  const e = env();
  return Boolean(e.MPESA_CONSUMER_KEY && e.MPESA_CONSUMER_SECRET && e.MPESA_CALLBACK_SECRET);
}

function config() {
  const e = env();
  if (!e.MPESA_CONSUMER_KEY || !e.MPESA_CONSUMER_SECRET || !e.MPESA_CALLBACK_SECRET) {
    throw new AppError('service_unavailable', 'M-Pesa payments are not configured (MPESA_CONSUMER_KEY, MPESA_CONSUMER_SECRET and MPESA_CALLBACK_SECRET).');
  }
  return { ...e, key: e.MPESA_CONSUMER_KEY, secret: e.MPESA_CONSUMER_SECRET, callbackSecret: e.MPESA_CALLBACK_SECRET };
}

/** Where Daraja posts a result: the deployment's secret is part of the path. */
export function mpesaCallbackUrl(kind: 'callback' | 'result' | 'timeout'): string {
  const e = config();
  return new URL(`/api/mpesa/${kind}/${e.callbackSecret}`, e.MPESA_CALLBACK_BASE ?? e.APP_URL).toString();
}

/** yyyyMMddHHmmss in Africa/Nairobi (UTC+3 all year), as Daraja wants it. */
export function nairobiTimestamp(at = new Date()): string {
  return new Date(at.getTime() + 3 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function password(timestamp: string): string {
  const e = config();
  return Buffer.from(`${e.MPESA_SHORTCODE}${e.MPESA_PASSKEY}${timestamp}`).toString('base64');
}

let token: { value: string; expiresAt: number } | undefined;

async function call<T>(path: string, init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown }): Promise<T> {
  const e = config();
  let res: Response;
  try {
    res = await fetch(new URL(path, e.MPESA_API_BASE), {
      method: init.method,
      headers: { Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(e.MPESA_TIMEOUT_MS),
    });
  } catch (err) {
    throw new AppError('service_unavailable', 'M-Pesa could not be reached. Please try again in a moment.', { cause: err });
  }
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // Not JSON (a gateway's HTML page): the status says enough.
  }
  if (!res.ok) {
    throw new DarajaError(res.status, String(body.errorCode ?? res.status), String(body.errorMessage ?? (text.slice(0, 200) || res.statusText)));
  }
  return body as T;
}

async function accessToken(fresh: boolean): Promise<string> {
  if (!fresh && token && token.expiresAt > Date.now()) return token.value;
  const e = config();
  const basic = Buffer.from(`${e.key}:${e.secret}`).toString('base64');
  const answer = await call<{ access_token: string; expires_in: string }>('/oauth/v1/generate?grant_type=client_credentials', {
    method: 'GET',
    headers: { Authorization: `Basic ${basic}` },
  });
  // A minute's margin before Daraja's expiry.
  token = { value: answer.access_token, expiresAt: Date.now() + (Number(answer.expires_in) - 60) * 1000 };
  return token.value;
}

/** A Daraja call with a bearer token; a token Daraja no longer accepts is replaced and the call made again. */
async function authorised<T>(path: string, body: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const bearer = await accessToken(attempt > 0);
    try {
      return await call<T>(path, { method: 'POST', headers: { Authorization: `Bearer ${bearer}` }, body });
    } catch (err) {
      // Another process asking for a token invalidates ours: ask again, a few times.
      if (err instanceof DarajaError && err.errorCode === INVALID_TOKEN && attempt < 3) continue;
      throw err;
    }
  }
}

export async function stkPush(input: { amountShillings: number; phone: string; accountReference: string; description: string }): Promise<StkPushAnswer> {
  const e = config();
  const timestamp = nairobiTimestamp();
  return authorised<StkPushAnswer>('/mpesa/stkpush/v1/processrequest', {
    BusinessShortCode: e.MPESA_SHORTCODE,
    Password: password(timestamp),
    Timestamp: timestamp,
    TransactionType: e.MPESA_TRANSACTION_TYPE,
    Amount: input.amountShillings,
    PartyA: input.phone,
    PartyB: e.MPESA_PARTY_B ?? e.MPESA_SHORTCODE,
    PhoneNumber: input.phone,
    CallBackURL: mpesaCallbackUrl('callback'),
    AccountReference: input.accountReference.slice(0, 12),
    TransactionDesc: input.description.slice(0, 13),
  });
}

export async function stkQuery(checkoutRequestId: string): Promise<StkQueryAnswer> {
  const e = config();
  const timestamp = nairobiTimestamp();
  return authorised<StkQueryAnswer>('/mpesa/stkpushquery/v1/query', {
    BusinessShortCode: e.MPESA_SHORTCODE,
    Password: password(timestamp),
    Timestamp: timestamp,
    CheckoutRequestID: checkoutRequestId,
  });
}

export async function reverseTransaction(input: { receipt: string; amountShillings: number; remarks: string }): Promise<ReversalAnswer> {
  const e = config();
  return authorised<ReversalAnswer>('/mpesa/reversal/v1/request', {
    Initiator: e.MPESA_INITIATOR,
    SecurityCredential: e.MPESA_SECURITY_CREDENTIAL,
    CommandID: 'TransactionReversal',
    TransactionID: input.receipt,
    Amount: input.amountShillings,
    ReceiverParty: e.MPESA_SHORTCODE,
    // Daraja's own spelling.
    RecieverIdentifierType: '11',
    ResultURL: mpesaCallbackUrl('result'),
    QueueTimeOutURL: mpesaCallbackUrl('timeout'),
    Remarks: input.remarks.slice(0, 100) || 'Refund',
    Occasion: 'Refund',
  });
}

/** Constant-time check of a callback URL's secret. */
export function isCallbackSecret(candidate: string): boolean {
  const expected = env().MPESA_CALLBACK_SECRET;
  if (!expected) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
