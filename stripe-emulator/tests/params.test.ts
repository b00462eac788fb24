import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Route } from '../src/http/router';
import { failure, SECRET_KEY, startTestEmulator, type TestEmulator } from './support';
import { sdkPropertyNames } from './sdk-types';

let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.emu.reset();
});

function apiRoutes(): Route[] {
  return t.emu.router.list().filter((r) => r.kind === 'api');
}

/** The emulator's own API routes, which no SDK type describes. */
const EMULATOR_ONLY = ['POST /v1/payment_intents/:id/_authenticate'];

describe('accepted parameters are exactly the SDK types', () => {
  it('every API route has a parameter table', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) expect(route.params, `${route.method} ${route.path}`).toBeDefined();
    const own = routes.filter((r) => r.params?.sdkType === null).map((r) => `${r.method} ${r.path}`);
    expect(own).toEqual(EMULATOR_ONLY);
  });

  it("each table holds every top-level name of the route's SDK params type, and nothing else but expand and documented extras", () => {
    const routes = apiRoutes().filter((r) => r.params?.sdkType);
    const types = [...new Set(routes.map((r) => r.params?.sdkType ?? ''))];
    const fromSdk = sdkPropertyNames(types);
    for (const route of routes) {
      const spec = route.params;
      if (!spec?.sdkType) continue;
      const sdk = fromSdk.get(spec.sdkType);
      expect(sdk, spec.sdkType).toBeDefined();
      const expected = new Set([...(sdk ?? []), 'expand', ...spec.extra]);
      expect([...spec.names].sort(), `${route.method} ${route.path} (${spec.sdkType})`).toEqual([...expected].sort());
    }
  });
});

/** A concrete path for a route pattern (ids need not exist: unknown parameters are refused first). */
function concrete(route: Route): string {
  return route.path.replace(/:([a-z_]+)/g, (_m, name: string) => `${name}_emulator_missing`);
}

async function raw(method: string, path: string, form: string): Promise<{ status: number; body: { error?: { code?: string; param?: string; message?: string } } }> {
  const url = `${t.url}${path}${method === 'POST' ? '' : `?${form}`}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: method === 'POST' ? form : undefined,
  });
  return { status: res.status, body: (await res.json()) as { error?: { code?: string; param?: string; message?: string } } };
}

describe('unknown parameters', () => {
  it('are refused on every API route with 400 parameter_unknown naming the parameter', async () => {
    for (const route of apiRoutes()) {
      const { status, body } = await raw(route.method, concrete(route), 'emulator_bogus=1');
      expect([status, body.error?.code, body.error?.param, body.error?.message], `${route.method} ${route.path}`).toEqual([
        400,
        'parameter_unknown',
        'emulator_bogus',
        'Received unknown parameter: emulator_bogus',
      ]);
    }
  });

  it('through the SDK: StripeInvalidRequestError, and a refused create leaves nothing behind', async () => {
    const err = await failure(t.stripe.customers.create({ email: 'a@example.com', foo: 'bar' } as Stripe.CustomerCreateParams));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect([err.statusCode, err.code, err.param, err.message]).toEqual([400, 'parameter_unknown', 'foo', 'Received unknown parameter: foo']);
    expect(err.doc_url).toBe('https://stripe.com/docs/error-codes/parameter-unknown');
    expect((await t.stripe.customers.list()).data).toEqual([]);
    expect((await t.stripe.events.list()).data).toEqual([]);
  });

  it('several at once are named together, the first as param', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'gbp' });
    const err = await failure(t.stripe.paymentIntents.cancel(pi.id, { amount: 5, currency: 'gbp' } as Stripe.PaymentIntentCancelParams));
    expect([err.param, err.message]).toEqual(['amount', 'Received unknown parameters: amount, currency']);
    expect((await t.stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_payment_method');
  });

  it('on list and retrieve too (query parameters)', async () => {
    const list = await failure(t.stripe.charges.list({ limit: 3, colour: 'red' } as Stripe.ChargeListParams));
    expect([list.code, list.param]).toEqual(['parameter_unknown', 'colour']);
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'gbp' });
    const get = await failure(t.stripe.paymentIntents.retrieve(pi.id, { verbose: 'yes' } as Stripe.PaymentIntentRetrieveParams));
    expect([get.code, get.param]).toEqual(['parameter_unknown', 'verbose']);
  });

  it('documented parameters the emulator does not act on are still accepted, expand[] always', async () => {
    const pi = await t.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'gbp',
      statement_descriptor_suffix: 'WELLBOOK',
      radar_options: { session: 'rs_x' },
      payment_method_options: { card: { request_three_d_secure: 'automatic' } },
      expand: ['customer'],
    });
    expect(pi.status).toBe('requires_payment_method');
    const customer = await t.stripe.customers.create({ preferred_locales: ['en-GB'], tax_exempt: 'none', expand: ['default_source'] });
    expect(customer.object).toBe('customer');
    const deleted = await t.stripe.customers.del(customer.id);
    expect(deleted.deleted).toBe(true);
    expect((await t.stripe.balance.retrieve({ expand: ['x'] })).object).toBe('balance');
  });
});
