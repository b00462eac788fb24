import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

/**
 * What every request passes before Next sees it (installed once by
 * instrumentation.ts in the Node runtime). Next hands a route the headers it
 * was sent, so three things are settled here, where the socket is still known:
 *
 * - **The client's address.** Unless TRUST_PROXY is set, X-Forwarded-For is
 *   whatever the client wrote, so it is replaced by the socket's address, and
 *   X-Real-IP and the X-Forwarded-Host/Proto/Port a client could forge are
 *   dropped (Next fills them from the connection). Per-IP login limits then
 *   count the real sender.
 * - **Broken percent-encoding** (`/api/v1/bookings/%E0%A4%A`): Next would answer
 *   a plain-text 500. The API answers its 400 error shape; a page path is
 *   sent to the not-found page, a 404.
 * - **A method a route does not have** on the API: Next's bare 405 gets the
 *   error shape.
 * - **Server actions from another origin**: Next refuses them with a 500; they
 *   get a 403 here, before any action code is looked up.
 * - **The content security policy**, with a fresh nonce per request: Next
 *   reads the nonce from the request's policy and puts it on every script it
 *   renders; scripts those load are trusted through 'strict-dynamic'. HSTS when
 *   the request came over HTTPS.
 */
export interface FrontDoorOptions {
  trustProxy: boolean;
  /** Origins the pay pages need besides our own (Stripe's, or the emulator's). */
  csp?: CspOrigins;
  /** `next dev`: React's development build needs eval and the reload socket. */
  dev?: boolean;
}

export interface CspOrigins {
  script: string[];
  frame: string[];
  connect: string[];
}

/**
 * Stripe's origins only when real Stripe is configured; the emulator's (or
 * another STRIPE_API_BASE's) when that is where Stripe.js comes from.
 */
export function paymentOrigins(env: { STRIPE_SECRET_KEY?: string; STRIPE_API_BASE?: string }): CspOrigins {
  if (env.STRIPE_API_BASE) {
    const origin = new URL(env.STRIPE_API_BASE).origin;
    return { script: [origin], frame: [origin], connect: [origin] };
  }
  if (env.STRIPE_SECRET_KEY) {
    return {
      script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
      frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
      connect: ['https://api.stripe.com'],
    };
  }
  return { script: [], frame: [], connect: [] };
}

/** The policy of one answer; `nonce` is fresh per request. */
export function contentSecurityPolicy(nonce: string, options: Pick<FrontDoorOptions, 'csp' | 'dev'> & { https?: boolean }): string {
  const origins = options.csp ?? { script: [], frame: [], connect: [] };
  const directives = [
    "default-src 'self'",
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : []), ...origins.script].join(' '),
    // React, Radix and the charts set style attributes; scripts are what the policy guards.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...(options.dev ? ['ws:'] : []), ...origins.connect].join(' '),
    ['frame-src', ...(origins.frame.length ? origins.frame : ["'none'"])].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export const HSTS = 'max-age=63072000; includeSubDomains';

/** Where a page path with broken encoding is sent: no route matches it, so Next renders the not-found page (404). */
export const MALFORMED_PAGE_PATH = '/_malformed-url';

const FORGEABLE = ['x-real-ip', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'] as const;

let installed = false;

export function installFrontDoor(options: FrontDoorOptions): void {
  if (installed) return;
  installed = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'request' && !admit(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, options)) return true;
      return emit.call(this, event, ...args);
    };
  }
}

/** Settles the request's headers and URL; false when it has been answered here. */
export function admit(req: http.IncomingMessage, res: http.ServerResponse, options: FrontDoorOptions): boolean {
  if (!options.trustProxy) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    for (const name of FORGEABLE) delete req.headers[name];
  }

  const url = req.url ?? '/';
  const pathname = url.split('?')[0] ?? '/';
  if (!decodes(pathname)) {
    if (pathname.startsWith('/api/')) {
      answer(res, 400, 'application/json', JSON.stringify({ error: { code: 'invalid_url', message: 'The address is not valid: it has broken percent-encoding.' } }));
      return false;
    }
    req.url = MALFORMED_PAGE_PATH;
  }

  const secure = isHttps(req, options);
  if (secure) res.setHeader('Strict-Transport-Security', HSTS);
  const policy = contentSecurityPolicy(randomBytes(16).toString('base64'), { ...options, https: secure });
  // Next takes the nonce from the request's policy; the browser enforces the answer's.
  req.headers['content-security-policy'] = policy;
  delete req.headers['content-security-policy-report-only'];
  res.setHeader('Content-Security-Policy', policy);

  if (pathname.startsWith('/api/')) explainBareErrors(req, res);

  if (isCrossOriginAction(req, options)) {
    answer(res, 403, 'application/json', JSON.stringify({ error: { code: 'forbidden', message: 'This form was sent from another site and was refused.' } }));
    return false;
  }
  return true;
}

/**
 * Next answers a method a route does not have with a bare 405 (no body, no
 * type); on the API it gets the error shape, with Next's Allow header kept.
 */
function explainBareErrors(req: http.IncomingMessage, res: http.ServerResponse): void {
  const body = JSON.stringify({ error: { code: 'method_not_allowed', message: `${req.method ?? 'This method'} is not allowed on this address.` } });
  let replaced = false;
  // Every way headers leave (writeHead, or the first write or end) goes through writeHead.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.writeHead = function writeHeadWithShape(statusCode: number, ...rest: unknown[]): http.ServerResponse {
    if (statusCode === 405 && !res.getHeader('content-type') && !rest.some((r) => typeof r === 'object' && r !== null)) {
      replaced = true;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(body));
    }
    return writeHead(statusCode, ...rest);
  } as typeof res.writeHead;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = function writeUnlessReplaced(...args: unknown[]): boolean {
    return replaced ? true : write(...args);
  } as typeof res.write;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = function endWithShape(...args: unknown[]): http.ServerResponse {
    if (!res.headersSent && res.statusCode === 405 && !res.getHeader('content-type')) res.writeHead(405);
    return replaced ? end(body) : end(...args);
  } as typeof res.end;
}

function isHttps(req: http.IncomingMessage, options: FrontDoorOptions): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return options.trustProxy && first(req.headers['x-forwarded-proto']) === 'https';
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** A server action (Next marks them with a Next-Action header) whose Origin is not this host. */
function isCrossOriginAction(req: http.IncomingMessage, options: FrontDoorOptions): boolean {
  if (req.method !== 'POST' || req.headers['next-action'] === undefined) return false;
  const origin = req.headers.origin;
  if (!origin) return false; // Next's own check handles a missing Origin.
  const host = (options.trustProxy ? first(req.headers['x-forwarded-host']) : undefined) ?? req.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

function first(value: string | string[] | undefined): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return one?.split(',')[0]?.trim() || undefined;
}

function answer(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
