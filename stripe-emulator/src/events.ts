import Stripe from 'stripe';
import type { ApiContext } from './http/router';
import type { State } from './store/state';
import type { Clock } from './store/clock';
import { newId } from './store/ids';

export type EventListener = (event: Stripe.Event) => void;

/** Stripe objects that events can carry. */
export type EventObject = { object: string; id?: string };

/**
 * Creates an Event for every state change and hands it to the listeners
 * (the webhook dispatcher), never waiting for them.
 */
export class EventBus {
  private readonly listeners: EventListener[] = [];

  constructor(
    private readonly state: State,
    private readonly clock: Clock,
    private readonly endpointCount: () => number,
  ) {}

  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }

  emit(
    type: Stripe.Event.Type | string,
    object: EventObject,
    options: { previous?: Record<string, unknown>; ctx?: Pick<ApiContext, 'requestId' | 'idempotencyKey'>; account?: string } = {},
  ): Stripe.Event {
    const event = {
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: this.clock.now(),
      data: {
        object: structuredClone(object),
        ...(options.previous ? { previous_attributes: options.previous } : {}),
      },
      livemode: false,
      pending_webhooks: this.endpointCount(),
      request: { id: options.ctx?.requestId ?? null, idempotency_key: options.ctx?.idempotencyKey ?? null },
      type,
      ...(options.account ? { account: options.account } : {}),
    } as unknown as Stripe.Event;
    this.state.put('events', event.id, event);
    for (const listener of this.listeners) queueMicrotask(() => listener(event));
    return event;
  }
}
