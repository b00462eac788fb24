import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from '../emulator';
import type { ParamSpec } from '../params/spec';
import type { Params } from './params';

export type KeyKind = 'secret' | 'publishable';

export interface ApiContext {
  emu: Emulator;
  method: string;
  path: string;
  /** Route parameters, e.g. `{ id: 'pi_123' }` for /v1/payment_intents/:id. */
  params: Record<string, string>;
  /** Form body for POST, query string for GET and DELETE. */
  body: Params;
  query: Params;
  key: { kind: KeyKind; value: string };
  /** The `Stripe-Account` the request acts on, or null for the platform itself. */
  account: string | null;
  requestId: string;
  idempotencyKey: string | undefined;
}

export type ApiHandler = (ctx: ApiContext) => unknown;
export type RawHandler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>, emu: Emulator) => void | Promise<void>;

export interface Route {
  method: string;
  path: string;
  pattern: RegExp;
  names: string[];
  kind: 'api' | 'raw';
  handler: ApiHandler | RawHandler;
  /** Stripe.js calls these with the publishable key (and a client secret). */
  publishable: boolean;
  /** API routes: the parameters accepted; any other is refused (parameter_unknown). */
  params?: ParamSpec;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/:([a-z_]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

export class Router {
  private readonly routes: Route[] = [];

  /**
   * A Stripe API route: authenticated, form-decoded, idempotent for POST, answered as JSON;
   * parameters outside `params` are refused before the handler runs.
   */
  api(method: string, path: string, params: ParamSpec, handler: ApiHandler, options: { publishable?: boolean } = {}): void {
    this.routes.push({ method, path, ...compile(path), kind: 'api', handler, publishable: options.publishable ?? false, params });
  }

  /** A plain route (pages, scripts, the control API): no Stripe auth, full control of the response. */
  raw(method: string, path: string, handler: RawHandler): void {
    this.routes.push({ method, path, ...compile(path), kind: 'raw', handler, publishable: false });
  }

  /** Every route, in registration order (for the tests that check each API route's parameters). */
  list(): readonly Route[] {
    return this.routes;
  }

  match(method: string, path: string): Match | 'method_not_allowed' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { route, params };
    }
    return pathMatched ? 'method_not_allowed' : undefined;
  }
}
