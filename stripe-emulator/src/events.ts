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
 * (the webhook dispatcher), never waiting for them. Events of a request are
 * held until it succeeds: a refused request announces nothing.
 */
export class EventBus {
  private readonly listeners: EventListener[] = [];
  private held: Stripe.Event[] = [];

  constructor(
    private readonly state: State,
    private readonly clock: Clock,
    /** Endpoints that would receive an event of this account (null: the platform's own). */
    private readonly endpointCount: (account: string | null) => number,
  ) {}

  /** Hands the held events to the listeners (the request succeeded). */
  flush(): void {
    const events = this.held;
    this.held = [];
    for (const event of events) this.notify(event);
  }

  /** Forgets the held events (the request was refused and rolled back). */
  discard(): void {
    this.held = [];
  }

  private notify(event: Stripe.Event): void {
    for (const listener of this.listeners) queueMicrotask(() => listener(event));
  }

  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }

  emit(
    type: Stripe.Event.Type | string,
    object: EventObject,
    /** `account`: the account the event happens on (null: the platform); default the request's, else the object's. */
    options: { previous?: Record<string, unknown>; ctx?: Pick<ApiContext, 'requestId' | 'idempotencyKey'>; account?: string | null } = {},
  ): Stripe.Event {
    // The event lives where its object does: a connected account's events carry `account`.
    const owner =
      options.account !== undefined ? options.account : this.state.scope !== undefined ? this.state.scope : object.id ? this.state.ownerOf(object.id) : null;
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
      pending_webhooks: this.endpointCount(owner),
      request: { id: options.ctx?.requestId ?? null, idempotency_key: options.ctx?.idempotencyKey ?? null },
      type,
      ...(owner ? { account: owner } : {}),
    } as unknown as Stripe.Event;
    this.state.put('events', event.id, event, owner);
    if (this.state.inTransaction) this.held.push(event);
    else this.notify(event);
    return event;
  }
}
