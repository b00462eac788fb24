import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock, nairobiStamp } from './clock';
import { ControlError, DarajaError, invalidField, parseJsonObject, readBody, redirect, requestId, sendHtml, sendJson } from './http';
import { dashboardPage, notFoundPage, phonePage } from './pages';
import { PROMPT_ACTIONS, RESULTS, testPhones, type TestPhone } from './results';
import { State, type Delivery, type Prompt, type PromptAction, type Reversal } from './state';
import { checkPassword, parseReversal, parseStkPush, type Credentials } from './validate';

export interface EmulatorConfig {
  port: number;
  /** The JSON file holding the state; none keeps it in memory only. */
  stateFile?: string;
  consumerKey: string;
  consumerSecret: string;
  shortcode: string;
  passkey: string;
  /** The merchant name the phone page shows. */
  merchantName: string;
  /** Attempts per callback (the first included) and the first retry's delay; later delays double. */
  callbackAttempts: number;
  callbackRetryBaseMs: number;
  /** How often test phones and due work are looked at (real ms). */
  tickMs: number;
  /** After how many seconds the timing-out test phone gives up (1037). */
  timeoutPhoneSeconds: number;
  /** How far a request's Timestamp may be from the emulator's clock. */
  timestampToleranceSeconds: number;
}

export const DEFAULT_CONFIG: EmulatorConfig = {
  port: 12112,
  consumerKey: 'wellbook-test-consumer-key',
  consumerSecret: 'wellbook-test-consumer-secret',
  shortcode: '174379',
  // Safaricom's public sandbox passkey for shortcode 174379.
  passkey: 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919',
  merchantName: 'Wellbook',
  callbackAttempts: 5,
  callbackRetryBaseMs: 1_000,
  tickMs: 200,
  timeoutPhoneSeconds: 30,
  timestampToleranceSeconds: 3_600,
};

const TOKEN_SECONDS = 3599;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomReceipt(): string {
  const bytes = randomBytes(10);
  // Receipts start with a letter, like Safaricom's (e.g. "SKL4ABC123").
  return Array.from(bytes, (b, i) => (i === 0 ? ALNUM[b % 26] : ALNUM[b % 36])).join('');
}

function digits(n: number): string {
  return Array.from(randomBytes(n), (b) => String(b % 10)).join('');
}

export class Emulator {
  readonly config: EmulatorConfig;
  readonly state: State;
  readonly clock: Clock;
  private readonly phones: Record<string, TestPhone>;
  private readonly creds: Credentials;
  private server: Server | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Deliveries being sent right now, so a tick does not start them twice. */
  private readonly inFlight = new Set<string>();
  private closed = false;
  url = '';

  constructor(config: Partial<EmulatorConfig> = {}) {
    this.config = { ...DEFAULT_CONFIG, ...config };
    this.state = new State(this.config.stateFile);
    this.state.load();
    this.clock = new Clock(this.state.data.clock_offset_ms);
    this.phones = testPhones(this.config.timeoutPhoneSeconds);
    this.creds = {
      shortcode: this.config.shortcode,
      passkey: this.config.passkey,
      timestampToleranceSeconds: this.config.timestampToleranceSeconds,
    };
  }

  async listen(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.port, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.ticker = setInterval(() => this.tick(), this.config.tickMs);
    this.ticker.unref();
    // Callbacks that were still being retried when the emulator stopped carry on.
    for (const d of Object.values(this.state.data.deliveries)) if (d.status === 'pending') this.send(d);
    this.tick();
    return this.url;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.ticker) clearInterval(this.ticker);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Test phones whose time has come answer. */
  tick(): void {
    const now = this.clock.nowMs();
    for (const p of Object.values(this.state.data.prompts)) {
      if (p.state === 'pending' && p.resolve_at !== null && p.resolve_at <= now && p.planned_action) this.resolve(p, p.planned_action);
    }
  }

  advanceClock(seconds: number): void {
    this.clock.advance(seconds);
    this.state.data.clock_offset_ms = this.clock.offsetMs;
    this.state.save();
    this.tick();
  }

  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.inFlight.clear();
    this.state.reset();
    this.clock.offsetMs = 0;
  }

  // ---- the phone's answer and its callback ----

  resolve(prompt: Prompt, action: PromptAction): void {
    const result = RESULTS[action];
    const now = this.clock.nowMs();
    prompt.state = action === 'approve' ? 'succeeded' : 'failed';
    prompt.result_code = result.code;
    prompt.result_desc = result.desc;
    prompt.resolved_at = now;
    prompt.resolve_at = null;
    if (action === 'approve') {
      prompt.receipt = randomReceipt();
      prompt.transaction_date = nairobiStamp(now);
    }
    const delivery = this.newDelivery('stk_callback', prompt.checkout_request_id, prompt.callback_url, stkCallbackBody(prompt));
    if (prompt.lose_callback) delivery.status = 'dropped';
    this.queue(delivery);
  }

  private newDelivery(kind: Delivery['kind'], subject: string, url: string, body: unknown): Delivery {
    const delivery: Delivery = {
      id: `dlv_${this.state.nextSeq()}`,
      kind,
      subject,
      url,
      body,
      status: 'pending',
      attempts: [],
      created_at: this.clock.nowMs(),
    };
    this.state.data.deliveries[delivery.id] = delivery;
    return delivery;
  }

  /** Saves the delivery and sends it, unless it is lost or a drop was asked for. */
  private queue(delivery: Delivery, honourDrops = true): void {
    if (delivery.status === 'pending' && honourDrops && this.state.data.drop_next > 0) {
      this.state.data.drop_next -= 1;
      delivery.status = 'dropped';
    }
    this.state.save();
    if (delivery.status === 'pending') this.send(delivery);
  }

  private send(delivery: Delivery): void {
    if (this.inFlight.has(delivery.id) || this.closed) return;
    this.inFlight.add(delivery.id);
    void this.attempt(delivery);
  }

  private async attempt(delivery: Delivery): Promise<void> {
    let status: number | null = null;
    let error: string | undefined;
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(delivery.body),
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    // A reset or a close while the request was out: forget it.
    if (this.closed || this.state.data.deliveries[delivery.id] !== delivery) {
      this.inFlight.delete(delivery.id);
      return;
    }
    delivery.attempts.push({ at: this.clock.nowMs(), status, ...(error ? { error } : {}) });
    if (status !== null && status >= 200 && status < 300) delivery.status = 'delivered';
    else if (delivery.attempts.length >= this.config.callbackAttempts) delivery.status = 'failed';
    this.state.save();
    if (delivery.status !== 'pending') {
      this.inFlight.delete(delivery.id);
      return;
    }
    const delay = this.config.callbackRetryBaseMs * 2 ** (delivery.attempts.length - 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery);
    }, delay);
    this.timers.add(timer);
  }

  // ---- HTTP ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const p = url.pathname;
    try {
      if (p.startsWith('/_emulator/')) return await this.control(method, p.slice('/_emulator'.length), req, res);
      if (p === '/oauth/v1/generate' && method === 'GET') return this.oauth(url, req, res);
      if (p === '/' && method === 'GET') return sendHtml(res, 200, dashboardPage(this.promptList()));
      const phone = /^\/phone\/([^/]+)$/.exec(p);
      if (phone) return await this.phonePage(method, decodeURIComponent(phone[1] ?? ''), req, res);
      if (method === 'POST' && (p === '/mpesa/stkpush/v1/processrequest' || p === '/mpesa/stkpushquery/v1/query' || p === '/mpesa/reversal/v1/request')) {
        this.authenticate(req);
        const body = parseJsonObject(await readBody(req), () => new DarajaError(400, '400.002.02', 'Bad Request - Invalid JSON'));
        if (p === '/mpesa/stkpush/v1/processrequest') return sendJson(res, 200, this.stkPush(body));
        if (p === '/mpesa/stkpushquery/v1/query') return sendJson(res, 200, this.stkQuery(body));
        return sendJson(res, 200, this.reversal(body));
      }
      throw new DarajaError(404, '404.001.01', 'Resource not found');
    } catch (err) {
      if (err instanceof DarajaError) return sendJson(res, err.status, { requestId: requestId(), errorCode: err.errorCode, errorMessage: err.message });
      if (err instanceof ControlError) return sendJson(res, err.status, { error: { message: err.message } });
      console.error('[mpesa-emulator]', err);
      return sendJson(res, 500, { requestId: requestId(), errorCode: '500.003.02', errorMessage: 'Internal Server Error' });
    }
  }

  private oauth(url: URL, req: IncomingMessage, res: ServerResponse): void {
    if (url.searchParams.get('grant_type') !== 'client_credentials') throw new DarajaError(400, '400.008.02', 'Invalid grant type passed');
    const header = req.headers.authorization ?? '';
    const m = /^Basic (.+)$/i.exec(header);
    const decoded = m?.[1] ? Buffer.from(m[1], 'base64').toString('utf8') : '';
    if (decoded !== `${this.config.consumerKey}:${this.config.consumerSecret}`) throw new DarajaError(400, '400.008.01', 'Invalid Authentication passed');
    const value = randomBytes(21).toString('base64').replace(/[+/=]/g, 'x');
    // One token at a time: a new one invalidates the old.
    this.state.data.token = { value, expires_at: this.clock.nowMs() + TOKEN_SECONDS * 1000 };
    this.state.save();
    sendJson(res, 200, { access_token: value, expires_in: String(TOKEN_SECONDS) });
  }

  private authenticate(req: IncomingMessage): void {
    const m = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
    const token = this.state.data.token;
    if (!m || !token || m[1] !== token.value || token.expires_at <= this.clock.nowMs()) {
      throw new DarajaError(401, '404.001.03', 'Invalid Access Token');
    }
  }

  private stkPush(body: Record<string, unknown>): unknown {
    const now = this.clock.nowMs();
    const push = parseStkPush(body, this.creds, now);
    const busy = Object.values(this.state.data.prompts).some((p) => p.state === 'pending' && p.phone === push.phoneNumber);
    if (busy) throw new DarajaError(500, '500.001.1001', 'Unable to lock subscriber, a transaction is already in process for the current subscriber');
    const seq = this.state.nextSeq();
    const checkoutRequestId = `ws_CO_${nairobiStamp(now)}${digits(6)}${seq}`;
    const testPhone = this.phones[push.phoneNumber];
    const prompt: Prompt = {
      checkout_request_id: checkoutRequestId,
      merchant_request_id: `${digits(5)}-${digits(8)}-${seq}`,
      state: 'pending',
      phone: push.phoneNumber,
      amount: push.amount,
      business_short_code: push.businessShortCode,
      party_b: push.partyB,
      transaction_type: push.transactionType,
      account_reference: push.accountReference,
      transaction_desc: push.transactionDesc,
      callback_url: push.callbackUrl,
      created_at: now,
      resolve_at: testPhone ? now + testPhone.afterSeconds * 1000 : null,
      planned_action: testPhone ? testPhone.action : null,
      lose_callback: testPhone?.loseCallback === true,
      result_code: null,
      result_desc: null,
      receipt: null,
      transaction_date: null,
      resolved_at: null,
      reversed: false,
    };
    this.state.data.prompts[checkoutRequestId] = prompt;
    this.state.save();
    return {
      MerchantRequestID: prompt.merchant_request_id,
      CheckoutRequestID: checkoutRequestId,
      ResponseCode: '0',
      ResponseDescription: 'Success. Request accepted for processing',
      CustomerMessage: 'Success. Request accepted for processing',
    };
  }

  private stkQuery(body: Record<string, unknown>): unknown {
    checkPassword(body, this.creds, this.clock.nowMs());
    const id = typeof body.CheckoutRequestID === 'string' ? body.CheckoutRequestID : '';
    const prompt = this.state.data.prompts[id];
    if (!prompt) throw invalidField('CheckoutRequestID');
    if (prompt.state === 'pending') throw new DarajaError(500, '500.001.1001', 'The transaction is being processed');
    return {
      ResponseCode: '0',
      ResponseDescription: 'The service request has been accepted successsfully',
      MerchantRequestID: prompt.merchant_request_id,
      CheckoutRequestID: prompt.checkout_request_id,
      ResultCode: String(prompt.result_code),
      ResultDesc: prompt.result_desc,
    };
  }

  private reversal(body: Record<string, unknown>): unknown {
    const request = parseReversal(body, this.creds);
    const original = Object.values(this.state.data.prompts).find((p) => p.receipt === request.transactionId);
    // Full reversals only: the amount must be the payment's.
    if (original && original.amount !== request.amount) throw invalidField('Amount');
    const seq = this.state.nextSeq();
    const reversal: Reversal = {
      conversation_id: `AG_${nairobiStamp(this.clock.nowMs()).slice(0, 8)}_${randomBytes(10).toString('hex')}`,
      originator_conversation_id: `${digits(5)}-${digits(7)}-${seq}`,
      transaction_id: request.transactionId,
      amount: request.amount,
      result_url: request.resultUrl,
      queue_timeout_url: request.queueTimeoutUrl,
      result_code: null,
      result_desc: null,
      reversal_receipt: null,
      created_at: this.clock.nowMs(),
    };
    if (!original || original.state !== 'succeeded') {
      reversal.result_code = 'R000002';
      reversal.result_desc = 'The OriginalTransID is invalid.';
    } else if (original.reversed) {
      reversal.result_code = 'R000001';
      reversal.result_desc = 'The transaction has already been reversed.';
    } else {
      original.reversed = true;
      reversal.result_code = 0;
      reversal.result_desc = 'The service request is processed successfully.';
      reversal.reversal_receipt = randomReceipt();
    }
    this.state.data.reversals[reversal.conversation_id] = reversal;
    const delivery = this.newDelivery('reversal_result', reversal.conversation_id, reversal.result_url, reversalResultBody(reversal, original, this.config));
    this.state.save();
    // The answer goes first; the Result follows, as Daraja's does.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queue(delivery);
    }, 0);
    this.timers.add(timer);
    return {
      OriginatorConversationID: reversal.originator_conversation_id,
      ConversationID: reversal.conversation_id,
      ResponseCode: '0',
      ResponseDescription: 'Accept the service request successfully.',
    };
  }

  private promptList(): Prompt[] {
    return Object.values(this.state.data.prompts).sort((a, b) => a.created_at - b.created_at);
  }

  private async phonePage(method: string, id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const prompt = this.state.data.prompts[id];
    if (!prompt) return sendHtml(res, 404, notFoundPage());
    if (method === 'GET') return sendHtml(res, 200, phonePage(prompt, this.config.merchantName));
    if (method !== 'POST') throw new ControlError(405, 'Method not allowed');
    const form = new URLSearchParams(await readBody(req));
    const action = form.get('action');
    if (prompt.state === 'pending' && (action === 'approve' || action === 'cancel')) this.resolve(prompt, action);
    return redirect(res, `/phone/${encodeURIComponent(id)}`);
  }

  private async control(method: string, p: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = method === 'POST' ? parseJsonObject(await readBody(req), () => new ControlError(400, 'The body must be a JSON object.')) : {};
    if (method === 'POST' && p === '/reset') {
      this.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (method === 'GET' && p === '/prompts') return sendJson(res, 200, { data: this.promptList() });
    if (method === 'GET' && p === '/callbacks') {
      return sendJson(res, 200, { data: Object.values(this.state.data.deliveries).sort((a, b) => a.created_at - b.created_at) });
    }
    if (method === 'GET' && p === '/reversals') return sendJson(res, 200, { data: Object.values(this.state.data.reversals) });
    const prompt = /^\/prompts\/([^/]+)$/.exec(p);
    if (method === 'POST' && prompt) {
      const found = this.state.data.prompts[decodeURIComponent(prompt[1] ?? '')];
      if (!found) throw new ControlError(404, 'No such prompt.');
      const action = body.action;
      if (typeof action !== 'string' || !(PROMPT_ACTIONS as string[]).includes(action)) {
        throw new ControlError(400, `action must be one of ${PROMPT_ACTIONS.join(', ')}.`);
      }
      if (found.state !== 'pending') throw new ControlError(409, `The prompt is already ${found.state}.`);
      this.resolve(found, action as PromptAction);
      return sendJson(res, 200, found);
    }
    const resend = /^\/callbacks\/([^/]+)\/resend$/.exec(p);
    if (method === 'POST' && resend) {
      const found = this.state.data.prompts[decodeURIComponent(resend[1] ?? '')];
      if (!found) throw new ControlError(404, 'No such prompt.');
      if (found.state === 'pending') throw new ControlError(409, 'The prompt has no result yet.');
      const copies = body.copies ?? 1;
      if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 1 || copies > 50) throw new ControlError(400, 'copies must be a whole number from 1 to 50.');
      const ids: string[] = [];
      for (let i = 0; i < copies; i++) {
        const d = this.newDelivery('stk_callback', found.checkout_request_id, found.callback_url, stkCallbackBody(found));
        ids.push(d.id);
        this.queue(d, false);
      }
      return sendJson(res, 200, { deliveries: ids });
    }
    if (method === 'POST' && p === '/callbacks/drop') {
      const count = body.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new ControlError(400, 'count must be a whole number.');
      this.state.data.drop_next = count;
      this.state.save();
      return sendJson(res, 200, { drop_next: count });
    }
    if (method === 'POST' && p === '/clock/advance') {
      const seconds = body.seconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) throw new ControlError(400, 'seconds must be a number of seconds, 0 or more.');
      this.advanceClock(seconds);
      return sendJson(res, 200, { now: this.clock.nowMs(), offset_ms: this.clock.offsetMs });
    }
    throw new ControlError(404, `No control route ${method} /_emulator${p}.`);
  }
}

/** The body Daraja posts to CallBackURL. */
export function stkCallbackBody(p: Prompt): unknown {
  const stkCallback: Record<string, unknown> = {
    MerchantRequestID: p.merchant_request_id,
    CheckoutRequestID: p.checkout_request_id,
    ResultCode: p.result_code,
    ResultDesc: p.result_desc,
  };
  if (p.result_code === 0) {
    stkCallback.CallbackMetadata = {
      Item: [
        { Name: 'Amount', Value: p.amount },
        { Name: 'MpesaReceiptNumber', Value: p.receipt },
        { Name: 'TransactionDate', Value: Number(p.transaction_date) },
        { Name: 'PhoneNumber', Value: Number(p.phone) },
      ],
    };
  }
  return { Body: { stkCallback } };
}

/** The Result Daraja posts to a reversal's ResultURL. */
function reversalResultBody(r: Reversal, original: Prompt | undefined, config: EmulatorConfig): unknown {
  const result: Record<string, unknown> = {
    ResultType: 0,
    ResultCode: r.result_code,
    ResultDesc: r.result_desc,
    OriginatorConversationID: r.originator_conversation_id,
    ConversationID: r.conversation_id,
    TransactionID: r.reversal_receipt ?? r.transaction_id,
    ReferenceData: { ReferenceItem: { Key: 'QueueTimeoutURL', Value: r.queue_timeout_url } },
  };
  if (r.result_code === 0 && original) {
    result.ResultParameters = {
      ResultParameter: [
        { Key: 'Amount', Value: r.amount },
        { Key: 'OriginalTransactionID', Value: r.transaction_id },
        { Key: 'TransCompletedTime', Value: Number(nairobiStamp(r.created_at)) },
        { Key: 'Charge', Value: 0 },
        { Key: 'CreditPartyPublicName', Value: `${original.phone} - Customer` },
        { Key: 'DebitPartyPublicName', Value: `${config.shortcode} - ${config.merchantName}` },
      ],
    };
  }
  return { Result: result };
}

export function createEmulator(config: Partial<EmulatorConfig> = {}): Emulator {
  return new Emulator(config);
}
