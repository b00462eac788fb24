import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest, noSuch } from '../http/errors';
import { paginate } from '../http/list';
import type { Params } from '../http/params';
import * as P from '../params/webhooks';

type Bound = (created: number) => boolean;

/** `created=123` or `created[gte]=..&created[lt]=..`. */
function createdFilter(query: Params): Bound {
  const raw = query.raw.created;
  if (raw === undefined || raw === '') return () => true;
  if (typeof raw === 'string') {
    const exact = query.integer('created');
    return (c) => c === exact;
  }
  const range = query.object('created');
  const gt = range?.integer('gt');
  const gte = range?.integer('gte');
  const lt = range?.integer('lt');
  const lte = range?.integer('lte');
  return (c) => (gt === undefined || c > gt) && (gte === undefined || c >= gte) && (lt === undefined || c < lt) && (lte === undefined || c <= lte);
}

/** `type` may use `*` as a wildcard (`charge.*`). */
function typeFilter(query: Params): (type: string) => boolean {
  const type = query.string('type');
  const types = query.list('types');
  if (type !== undefined && types !== undefined) {
    throw invalidRequest('You may pass either `type` or `types`, but not both.', { param: 'types' });
  }
  if (type !== undefined && type !== '') {
    const pattern = new RegExp(`^${type.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return (t) => pattern.test(t);
  }
  if (types !== undefined) {
    if (types.length > 20) throw invalidRequest('You may pass at most 20 `types`.', { param: 'types' });
    const wanted = new Set(types.filter((t): t is string => typeof t === 'string'));
    return (t) => wanted.has(t);
  }
  return () => true;
}

export function installEventRoutes(emu: Emulator): void {
  emu.router.api('GET', '/v1/events/:id', P.EVENT, (ctx): Stripe.Event => {
    const id = ctx.params.id ?? '';
    const event = ctx.emu.state.get('events', id);
    if (!event) throw noSuch('event', id);
    return event;
  });

  emu.router.api('GET', '/v1/events', P.EVENTS, (ctx) => {
    const created = createdFilter(ctx.query);
    const type = typeFilter(ctx.query);
    const deliverySuccess = ctx.query.boolean('delivery_success');
    const events = ctx.emu.state
      .all('events')
      .filter((e) => created(e.created) && type(e.type))
      .filter((e) => deliverySuccess === undefined || (e.pending_webhooks === 0) === deliverySuccess);
    return paginate(events, ctx.query, '/v1/events');
  });
}
