import { randomBytes } from 'node:crypto';
import type { Emulator } from '../emulator';
import { checkParams } from '../params/spec';
import type { Owner } from '../store/state';
import type { FormObject } from './form';
import { Params } from './params';
import type { ApiContext } from './router';

/**
 * Runs an API route in-process, as Stripe's own pages do on its servers (the
 * hosted checkout page creating and confirming a PaymentIntent). Errors are
 * thrown as the route throws them; parameters are checked as for a request.
 * Pass a publishable key to act as the customer's browser would (then the
 * object's client secret must be sent), and the account the objects live on.
 */
export function callApi<T>(
  emu: Emulator,
  method: string,
  path: string,
  body: FormObject = {},
  key: ApiContext['key'] | undefined = undefined,
  account: Owner = null,
): T {
  const match = emu.router.match(method, path);
  if (match === undefined || match === 'method_not_allowed' || match.route.kind !== 'api') {
    throw new Error(`no API route for ${method} ${path}`);
  }
  const ctx: ApiContext = {
    emu,
    method,
    path,
    params: match.params,
    body: new Params(method === 'POST' ? body : {}),
    query: new Params(method === 'POST' ? {} : body),
    key: key ?? { kind: 'secret', value: 'sk_test_emulator_internal' },
    account,
    requestId: `req_${randomBytes(10).toString('hex')}`,
    idempotencyKey: undefined,
  };
  const { route } = match;
  return emu.invoke(ctx, (c) => {
    if (route.params) checkParams(route.params, body);
    return (route.handler as (inner: ApiContext) => T)(c);
  });
}
