import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EventBus } from './events';
import { StripeApiError, invalidRequest } from './http/errors';
import { decodeForm } from './http/form';
import { IdempotencyStore } from './http/idempotency';
import { Params } from './http/params';
import { Router, type ApiContext, type KeyKind } from './http/router';
import { checkParams } from './params/spec';
import { Clock } from './store/clock';
import { State } from './store/state';

export interface EmulatorConfig {
  port: number;
  /** Folder for the state snapshot; none keeps everything in memory. */
  dataDir?: string;
  /** Where every event is also sent (besides registered endpoints), signed with webhookSecret. */
  webhookUrl?: string;
  webhookSecret?: string;
  /** First webhook retry delay; later ones double (Stripe's own backoff is hours, compressed here). */
  webhookRetryBaseMs: number;
  webhookMaxAttempts: number;
}

export type FailureMode = '500' | 'drop';

/** Modules add their routes and listeners through this. */
export type Module = (emu: Emulator) => void;

const MAX_BODY = 1024 * 1024;

export class Emulator {
  readonly clock = new Clock();
  readonly state: State;
  readonly router = new Router();
  readonly idempotency = new IdempotencyStore(this.clock);
  readonly events: EventBus;
  /** Failures injected by the control API into the next API requests. */
  readonly pendingFailures: FailureMode[] = [];
  private server: Server | undefined;
  private readonly resetHooks: (() => void)[] = [];
  private readonly closeHooks: (() => void | Promise<void>)[] = [];
  url = '';

  constructor(
    readonly config: EmulatorConfig,
    modules: Module[],
  ) {
    this.state = new State(config.dataDir ? path.join(config.dataDir, 'stripe-emulator.json') : undefined);
    this.state.load();
    this.events = new EventBus(this.state, this.clock, (account) => this.activeEndpointCount(account));
    for (const install of modules) install(this);
  }

  /** Endpoints an event would go to: Connect endpoints for a connected account's events, the others for the platform's; plus webhookUrl. */
  activeEndpointCount(account: string | null = null): number {
    const registered = Object.values(this.state.data.webhook_endpoints).filter((e) => e.status === 'enabled' && (e.connect === true) === (account !== null)).length;
    return registered + (this.config.webhookUrl ? 1 : 0);
  }

  /**
   * Runs an API handler as the request's account, all or nothing: a refused request
   * (any error but a card decline, which Stripe records) leaves no object and no event.
   */
  invoke<T>(ctx: ApiContext, handler: (c: ApiContext) => T): T {
    const { state } = this;
    const outermost = !state.inTransaction;
    const savedScope = state.scope;
    state.scope = ctx.account;
    if (outermost) state.begin();
    try {
      const result = handler(ctx);
      if (outermost) {
        state.commit();
        this.events.flush();
      }
      return result;
    } catch (err) {
      if (outermost && err instanceof StripeApiError && err.keepsState) {
        state.commit();
        this.events.flush();
      } else if (outermost) {
        state.rollback();
        this.events.discard();
      }
      throw err;
    } finally {
      state.scope = savedScope;
    }
  }

  /** The `Stripe-Account` of a request: a connected account of this platform, else 403 account_invalid. */
  connectedAccount(header: string | string[] | undefined, key: string): string | null {
    const id = Array.isArray(header) ? header[0] : header;
    if (id === undefined || id === '') return null;
    const account = this.state.data.accounts[id];
    if (!account) {
      throw new StripeApiError(403, {
        type: 'invalid_request_error',
        code: 'account_invalid',
        message: `The provided key '${redactKey(key)}' does not have access to account '${id}' (or that account does not exist). Application access may have been revoked.`,
      });
    }
    return id;
  }

  onReset(hook: () => void): void {
    this.resetHooks.push(hook);
  }

  onClose(hook: () => void | Promise<void>): void {
    this.closeHooks.push(hook);
  }

  reset(): void {
    this.state.reset();
    this.idempotency.clear();
    this.pendingFailures.length = 0;
    this.clock.offsetMs = 0;
    for (const hook of this.resetHooks) hook();
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.config.port, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async close(): Promise<void> {
    for (const hook of this.closeHooks) await hook();
    this.state.saveNow();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `req_${randomBytes(10).toString('hex')}`;
    res.setHeader('Request-Id', requestId);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Request-Id, Idempotent-Replayed');
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();

    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }

    const match = this.router.match(method, url.pathname);
    try {
      if (match === undefined || match === 'method_not_allowed') {
        throw invalidRequest(`Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`, {
          status: 404,
        });
      }
      if (match.route.kind === 'raw') {
        await (match.route.handler as (r: IncomingMessage, s: ServerResponse, p: Record<string, string>, e: Emulator) => Promise<void>)(
          req,
          res,
          match.params,
          this,
        );
        return;
      }

      const injected = this.pendingFailures.shift();
      if (injected === 'drop') {
        req.socket.destroy();
        return;
      }
      if (injected === '500') {
        throw new StripeApiError(500, { type: 'api_error', message: 'An unknown error occurred (injected by the emulator).' });
      }

      const key = this.authenticate(req, match.route.publishable);
      const raw = method === 'POST' ? await readBody(req) : '';
      const account = this.connectedAccount(req.headers['stripe-account'], key.value);
      const ctx: ApiContext = {
        emu: this,
        method,
        path: url.pathname,
        params: match.params,
        body: new Params(decodeForm(raw)),
        query: new Params(decodeForm(url.search.slice(1))),
        key,
        account,
        requestId,
        idempotencyKey: method === 'POST' ? (req.headers['idempotency-key'] as string | undefined) : undefined,
      };
      if (account) res.setHeader('Stripe-Account', account);
      const spec = match.route.params;
      const routeHandler = match.route.handler as (c: ApiContext) => unknown;
      const handler = (c: ApiContext): unknown =>
        this.invoke(c, (inner) => {
          if (spec) checkParams(spec, method === 'POST' ? inner.body.raw : inner.query.raw);
          return routeHandler(inner);
        });
      if (!ctx.idempotencyKey) {
        sendJson(res, 200, handler(ctx));
        return;
      }
      res.setHeader('Idempotency-Key', ctx.idempotencyKey);
      // Keys are per account, as Stripe keeps them: the same key on two accounts is two requests.
      const scope = account ? `${key.value}\u0000${account}` : key.value;
      const replay = this.idempotency.begin(scope, ctx.idempotencyKey, IdempotencyStore.fingerprint(method, url.pathname, raw));
      if (replay) {
        res.setHeader('Idempotent-Replayed', 'true');
        sendJson(res, replay.status, replay.body);
        return;
      }
      let result: { status: number; body: unknown };
      try {
        result = { status: 200, body: handler(ctx) };
      } catch (err) {
        if (!(err instanceof StripeApiError)) {
          this.idempotency.abandon(scope, ctx.idempotencyKey);
          throw err;
        }
        result = { status: err.status, body: err.toJSON() };
      }
      this.idempotency.finish(scope, ctx.idempotencyKey, result);
      sendJson(res, result.status, result.body);
    } catch (err) {
      if (err instanceof StripeApiError) {
        sendJson(res, err.status, err.toJSON());
        return;
      }
      console.error('[stripe-emulator] internal error:', err);
      sendJson(res, 500, { error: { type: 'api_error', message: 'The emulator failed on this request; see its log.' } });
    }
  }

  private authenticate(req: IncomingMessage, publishableAllowed: boolean): { kind: KeyKind; value: string } {
    const header = req.headers.authorization ?? '';
    let value = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!value && header.toLowerCase().startsWith('basic ')) {
      value = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0];
    }
    if (!value) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    }
    if (value.startsWith('sk_test_') || value.startsWith('rk_test_')) return { kind: 'secret', value };
    if (value.startsWith('pk_test_') && publishableAllowed) return { kind: 'publishable', value };
    if (value.startsWith('pk_test_')) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message: 'This API call cannot be made with a publishable API key. Please use a secret API key.',
      });
    }
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      code: 'api_key_invalid',
      message: `Invalid API Key provided: ${redactKey(value)}`,
    });
  }
}

/** A key as Stripe quotes it in errors: `sk_test_****...abcd`. */
export function redactKey(value: string): string {
  return `${value.slice(0, 8)}${'*'.repeat(Math.max(0, value.length - 12))}${value.slice(-4)}`;
}

/** The raw request body, refused past 1 MiB. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(invalidRequest('Request body too large.', { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}
