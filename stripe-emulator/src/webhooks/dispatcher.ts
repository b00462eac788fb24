import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { newId } from '../store/ids';
import type { Delivery } from '../store/state';
import { Chaos, NO_CHAOS, type EventChaos } from './chaos';
import { signatureHeader } from './signature';

/** `Delivery.endpoint` of deliveries to `config.webhookUrl` (which is no registered endpoint). */
export const CONFIG_ENDPOINT = 'webhook_url';
const SEND_TIMEOUT_MS = 10_000;
/** How long a released reorder batch waits for one event's first attempt before sending the next. */
const REORDER_STAGGER_MS = 300;

type Attempt = Delivery['attempts'][number];
/** What chaos does to an attempt: nothing, drop it (retried later), or lose the event (never retried). */
type Fault = 'none' | 'drop' | 'lose';

export interface Target {
  endpoint: string;
  url: string;
  secret: string;
}

/** Does an endpoint's `enabled_events` cover this event type? */
export function endpointWants(enabledEvents: readonly string[], type: string): boolean {
  return enabledEvents.includes('*') || enabledEvents.includes(type);
}

const dispatchers = new WeakMap<Emulator, Dispatcher>();

/** The dispatcher of an emulator, for the control API (chaos, resend). */
export function dispatcherOf(emu: Emulator): Dispatcher {
  const dispatcher = dispatchers.get(emu);
  if (!dispatcher) throw new Error('The webhooks module is not installed.');
  return dispatcher;
}

/**
 * Sends every event, signed, to the endpoints that want it, retrying with
 * exponential backoff; each attempt is recorded in the `deliveries` collection.
 */
export class Dispatcher {
  readonly chaos = new Chaos();
  private readonly timers = new Set<NodeJS.Timeout>();
  private abort = new AbortController();
  /** Bumped on reset and close: work started before is forgotten. */
  private generation = 0;
  private held: { event: Stripe.Event; chaos: EventChaos }[] = [];
  private heldTimer: NodeJS.Timeout | undefined;

  constructor(private readonly emu: Emulator) {
    dispatchers.set(emu, this);
  }

  /** Cancels every timer and request in flight, forgets held events and chaos. */
  stop(): void {
    this.generation += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.abort.abort();
    this.abort = new AbortController();
    this.held = [];
    this.heldTimer = undefined;
    this.chaos.clear();
  }

  /** Picks up deliveries still pending in a loaded snapshot. */
  resume(): void {
    const nowMs = this.emu.clock.nowMs();
    for (const d of this.emu.state.all('deliveries')) {
      if (d.status !== 'pending') continue;
      const wait = d.next_attempt_at === null ? 0 : Math.max(0, d.next_attempt_at * 1000 - nowMs);
      this.later(wait, () => void this.attempt(d.id, 'none'));
    }
  }

  onEvent(event: Stripe.Event): void {
    const chaos = this.chaos.take();
    if (!chaos.reorder) {
      this.deliver(event, chaos);
      return;
    }
    this.held.push({ event, chaos });
    if (chaos.reorder.last) void this.release();
    else this.heldTimer ??= this.later(chaos.reorder.windowMs, () => void this.release());
  }

  /**
   * Registered endpoints (oldest first) wanting this event, then `config.webhookUrl` (which
   * hears everything): Connect endpoints (`connect: true`) get connected accounts' events
   * (those with `account`), the others the platform's own, as Stripe sends them.
   */
  targetsFor(event: Stripe.Event): Target[] {
    const fromConnected = typeof event.account === 'string';
    const targets: Target[] = this.emu.state
      .all('webhook_endpoints')
      .reverse()
      .filter((e) => e.status === 'enabled' && (e.connect === true) === fromConnected && endpointWants(e.enabled_events, event.type))
      .map((e) => ({ endpoint: e.id, url: e.url, secret: e.secret }));
    const { webhookUrl, webhookSecret } = this.emu.config;
    if (webhookUrl) targets.push({ endpoint: CONFIG_ENDPOINT, url: webhookUrl, secret: webhookSecret ?? '' });
    return targets;
  }

  /** A registered endpoint (by id or url) or the configured url, whatever events it wants. */
  findTarget(idOrUrl: string): Target | undefined {
    const endpoint = this.emu.state.all('webhook_endpoints').find((e) => e.id === idOrUrl || e.url === idOrUrl);
    if (endpoint) return { endpoint: endpoint.id, url: endpoint.url, secret: endpoint.secret };
    const { webhookUrl, webhookSecret } = this.emu.config;
    if (webhookUrl && (idOrUrl === webhookUrl || idOrUrl === CONFIG_ENDPOINT)) {
      return { endpoint: CONFIG_ENDPOINT, url: webhookUrl, secret: webhookSecret ?? '' };
    }
    return undefined;
  }

  /** Creates the deliveries of one event and starts them; `settled` follows their first attempts. */
  deliver(event: Stripe.Event, chaos: EventChaos = NO_CHAOS, targets = this.targetsFor(event)): { deliveries: Delivery[]; settled: Promise<void> } {
    const now = this.emu.clock.now();
    const deliveries: Delivery[] = [];
    const firstAttempts: Promise<void>[] = [];
    for (const target of targets) {
      for (let copy = 0; copy < chaos.copies; copy++) {
        const delivery: Delivery = {
          id: newId('wd'),
          event_id: event.id,
          event_type: event.type,
          endpoint: target.endpoint,
          url: target.url,
          status: 'pending',
          attempts: [],
          next_attempt_at: now + Math.ceil(chaos.delayMs / 1000),
          created: now,
        };
        this.emu.state.put('deliveries', delivery.id, delivery);
        deliveries.push(delivery);
        const fault: Fault = chaos.lose ? 'lose' : chaos.drop ? 'drop' : 'none';
        if (chaos.delayMs > 0) this.later(chaos.delayMs, () => void this.attempt(delivery.id, fault));
        else firstAttempts.push(this.attempt(delivery.id, fault));
      }
    }
    this.updatePending(event.id);
    return { deliveries, settled: Promise.all(firstAttempts).then(() => undefined) };
  }

  /** Sends a held reorder batch, newest event first. */
  private async release(): Promise<void> {
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    const batch = this.held.reverse();
    this.held = [];
    const generation = this.generation;
    for (const { event, chaos } of batch) {
      if (generation !== this.generation) return;
      const { settled } = this.deliver(event, chaos);
      await Promise.race([settled, new Promise<void>((resolve) => this.later(REORDER_STAGGER_MS, resolve))]);
    }
  }

  private later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private resolve(delivery: Delivery): Target | undefined {
    if (delivery.endpoint === CONFIG_ENDPOINT) {
      const { webhookUrl, webhookSecret } = this.emu.config;
      return webhookUrl ? { endpoint: CONFIG_ENDPOINT, url: webhookUrl, secret: webhookSecret ?? '' } : undefined;
    }
    const endpoint = this.emu.state.get('webhook_endpoints', delivery.endpoint);
    return endpoint && endpoint.status === 'enabled' ? { endpoint: endpoint.id, url: endpoint.url, secret: endpoint.secret } : undefined;
  }

  private async attempt(id: string, fault: Fault): Promise<void> {
    const generation = this.generation;
    const delivery = this.emu.state.get('deliveries', id);
    if (!delivery || delivery.status !== 'pending') return;
    const event = this.emu.state.get('events', delivery.event_id);
    const target = this.resolve(delivery);
    const at = this.emu.clock.now();
    let result: Attempt;
    if (!event || !target) {
      result = { at, status: null, error: event ? 'endpoint deleted or disabled' : 'event no longer exists' };
    } else if (fault !== 'none') {
      result = { at, status: null, error: fault === 'lose' ? 'lost by chaos' : 'dropped by chaos' };
    } else {
      delivery.url = target.url;
      result = await this.send(target, event, at);
      if (generation !== this.generation) return;
    }
    delivery.attempts.push(result);
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    if (ok) {
      delivery.status = 'succeeded';
      delivery.next_attempt_at = null;
    } else if (!event || !target || fault === 'lose' || delivery.attempts.length >= this.emu.config.webhookMaxAttempts) {
      delivery.status = 'failed';
      delivery.next_attempt_at = null;
    } else {
      const wait = this.emu.config.webhookRetryBaseMs * 2 ** (delivery.attempts.length - 1);
      delivery.next_attempt_at = Math.ceil((this.emu.clock.nowMs() + wait) / 1000);
      this.later(wait, () => void this.attempt(id, 'none'));
    }
    this.emu.state.put('deliveries', id, delivery);
    this.updatePending(delivery.event_id);
  }

  /** One signed POST; signed now, with the emulator clock, as Stripe signs each attempt. */
  private async send(target: Target, event: Stripe.Event, at: number): Promise<Attempt> {
    const body = JSON.stringify(event, null, 2);
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Cache-Control': 'no-cache',
          'Stripe-Signature': signatureHeader(target.secret, body, at),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(SEND_TIMEOUT_MS), this.abort.signal]),
      });
      await res.arrayBuffer().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      return ok ? { at, status: res.status } : { at, status: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      return { at, status: null, error: describeError(err) };
    }
  }

  /** `pending_webhooks`: targets of the event that have not had a successful delivery yet. */
  private updatePending(eventId: string): void {
    const event = this.emu.state.get('events', eventId);
    if (!event) return;
    const mine = Object.values(this.emu.state.data.deliveries).filter((d) => d.event_id === eventId);
    const delivered = new Set(mine.filter((d) => d.status === 'succeeded').map((d) => d.endpoint));
    const pending = new Set(mine.map((d) => d.endpoint).filter((e) => !delivered.has(e))).size;
    if (event.pending_webhooks !== pending) this.emu.state.put('events', eventId, { ...event, pending_webhooks: pending });
  }
}

function describeError(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return `timed out after ${SEND_TIMEOUT_MS / 1000} s`;
  if (err instanceof Error && err.cause instanceof Error) return `${err.message}: ${err.cause.message}`;
  return err instanceof Error ? err.message : String(err);
}
