import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest, missingParam, noSuch } from '../http/errors';
import { paginate } from '../http/list';
import { mergeMetadata, type Params } from '../http/params';
import type { ApiContext } from '../http/router';
import { newId } from '../store/ids';
import { newSigningSecret } from './signature';
import * as P from '../params/webhooks';

type StoredEndpoint = Stripe.WebhookEndpoint & { secret: string; connect?: boolean };

/** Stripe shows the signing secret only in the create response, and never the `connect` flag. */
function publicView(endpoint: StoredEndpoint): Stripe.WebhookEndpoint {
  const { secret: _secret, connect: _connect, ...rest } = endpoint;
  return structuredClone(rest);
}

function find(ctx: ApiContext): StoredEndpoint {
  const id = ctx.params.id ?? '';
  const endpoint = ctx.emu.state.get('webhook_endpoints', id);
  if (!endpoint) throw noSuch('webhook_endpoint', id);
  return endpoint;
}

function readUrl(body: Params): string | undefined {
  const url = body.string('url');
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidRequest(`Invalid URL: ${url}`, { param: 'url', code: 'url_invalid' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalidRequest('Invalid URL: URL must be publicly accessible and use http or https.', { param: 'url', code: 'url_invalid' });
  }
  return url;
}

const EVENT_TYPE = /^(\*|[a-z0-9_]+(\.[a-z0-9_]+)+)$/;

function readEnabledEvents(body: Params): string[] | undefined {
  const list = body.list('enabled_events');
  if (list === undefined) return undefined;
  if (list.length === 0) throw missingParam('enabled_events');
  return list.map((value, i) => {
    if (typeof value !== 'string' || !EVENT_TYPE.test(value)) {
      throw invalidRequest(`Invalid enabled_events[${i}]: must be '*' or an event type such as 'payment_intent.succeeded'.`, {
        param: `enabled_events[${i}]`,
      });
    }
    return value;
  });
}

function create(ctx: ApiContext): Stripe.WebhookEndpoint {
  const url = readUrl(ctx.body);
  if (url === undefined) throw missingParam('url');
  const enabledEvents = readEnabledEvents(ctx.body);
  if (enabledEvents === undefined) throw missingParam('enabled_events');
  const endpoint: StoredEndpoint = {
    id: newId('we'),
    object: 'webhook_endpoint',
    api_version: ctx.body.string('api_version') ?? null,
    application: null,
    created: ctx.emu.clock.now(),
    description: ctx.body.string('description') || null,
    enabled_events: enabledEvents,
    livemode: false,
    metadata: mergeMetadata({}, ctx.body.metadata()),
    secret: newSigningSecret(),
    status: 'enabled',
    url,
    // A Connect endpoint hears the connected accounts' events; the others, the platform's own.
    ...(ctx.body.boolean('connect') ? { connect: true } : {}),
  };
  ctx.emu.state.put('webhook_endpoints', endpoint.id, endpoint);
  return { ...publicView(endpoint), secret: endpoint.secret };
}

function update(ctx: ApiContext): Stripe.WebhookEndpoint {
  const endpoint = find(ctx);
  const url = readUrl(ctx.body);
  const enabledEvents = readEnabledEvents(ctx.body);
  const disabled = ctx.body.boolean('disabled');
  const description = ctx.body.string('description');
  const next: StoredEndpoint = {
    ...endpoint,
    url: url ?? endpoint.url,
    enabled_events: enabledEvents ?? endpoint.enabled_events,
    status: disabled === undefined ? endpoint.status : disabled ? 'disabled' : 'enabled',
    description: description === undefined ? endpoint.description : description || null,
    metadata: mergeMetadata(endpoint.metadata, ctx.body.metadata()),
  };
  ctx.emu.state.put('webhook_endpoints', next.id, next);
  return publicView(next);
}

function remove(ctx: ApiContext): Stripe.DeletedWebhookEndpoint {
  const endpoint = find(ctx);
  ctx.emu.state.delete('webhook_endpoints', endpoint.id);
  return { id: endpoint.id, object: 'webhook_endpoint', deleted: true };
}

export function installEndpointRoutes(emu: Emulator): void {
  emu.router.api('POST', '/v1/webhook_endpoints', P.CREATE_ENDPOINT, create);
  emu.router.api('GET', '/v1/webhook_endpoints', P.LIST_ENDPOINTS, (ctx) =>
    paginate(ctx.emu.state.all('webhook_endpoints').map(publicView), ctx.query, '/v1/webhook_endpoints'),
  );
  emu.router.api('GET', '/v1/webhook_endpoints/:id', P.RETRIEVE_ENDPOINT, (ctx) => publicView(find(ctx)));
  emu.router.api('POST', '/v1/webhook_endpoints/:id', P.UPDATE_ENDPOINT, update);
  emu.router.api('DELETE', '/v1/webhook_endpoints/:id', P.DELETE_ENDPOINT, remove);
}
