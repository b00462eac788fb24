import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Stripe from 'stripe';

/**
 * Everything the emulator knows. Objects are stored exactly as they are
 * returned (typed with the `stripe` package's own types); relations that
 * Stripe does not expose on the object live in the `internal` side tables.
 */
export interface Collections {
  customers: Record<string, Stripe.Customer>;
  payment_methods: Record<string, Stripe.PaymentMethod>;
  payment_intents: Record<string, Stripe.PaymentIntent>;
  charges: Record<string, Stripe.Charge>;
  refunds: Record<string, Stripe.Refund>;
  balance_transactions: Record<string, Stripe.BalanceTransaction>;
  application_fees: Record<string, Stripe.ApplicationFee>;
  transfers: Record<string, Stripe.Transfer>;
  checkout_sessions: Record<string, Stripe.Checkout.Session>;
  checkout_line_items: Record<string, Stripe.LineItem[]>;
  /** payment_intent_data of each Checkout Session, used when the customer pays. */
  checkout_payment_data: Record<string, CheckoutPaymentData>;
  accounts: Record<string, Stripe.Account>;
  account_links: Record<string, { object: Stripe.AccountLink; account: string; used: boolean; refresh_url: string; return_url: string }>;
  events: Record<string, Stripe.Event>;
  webhook_endpoints: Record<string, Stripe.WebhookEndpoint & { secret: string }>;
  deliveries: Record<string, Delivery>;
}

export interface CheckoutPaymentData {
  description: string;
  metadata: Record<string, string>;
  applicationFeeAmount?: number;
  destination?: string;
  captureMethod: 'automatic' | 'manual';
}

/** One attempt history of sending one event to one endpoint. */
export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  endpoint: string;
  url: string;
  status: 'pending' | 'succeeded' | 'failed' | 'dropped';
  attempts: { at: number; status: number | null; error?: string }[];
  next_attempt_at: number | null;
  created: number;
}

export type CollectionName = keyof Collections;

const EMPTY: () => Collections = () => ({
  customers: {},
  payment_methods: {},
  payment_intents: {},
  charges: {},
  refunds: {},
  balance_transactions: {},
  application_fees: {},
  transfers: {},
  checkout_sessions: {},
  checkout_line_items: {},
  checkout_payment_data: {},
  accounts: {},
  account_links: {},
  events: {},
  webhook_endpoints: {},
  deliveries: {},
});

export class State {
  data: Collections = EMPTY();
  /** Insertion counter, so lists come out newest first even within one second. */
  private sequence = 0;
  readonly order = new Map<string, number>();
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly snapshotFile?: string) {}

  reset(): void {
    this.data = EMPTY();
    this.order.clear();
    this.sequence = 0;
    this.scheduleSave();
  }

  /** Stores an object under its id, remembering when it first appeared. */
  put<C extends CollectionName>(collection: C, id: string, value: Collections[C][string]): Collections[C][string] {
    if (!this.order.has(id)) this.order.set(id, ++this.sequence);
    (this.data[collection] as Record<string, unknown>)[id] = value;
    this.scheduleSave();
    return value;
  }

  delete(collection: CollectionName, id: string): void {
    delete (this.data[collection] as Record<string, unknown>)[id];
    this.order.delete(id);
    this.scheduleSave();
  }

  get<C extends CollectionName>(collection: C, id: string): Collections[C][string] | undefined {
    return (this.data[collection] as Record<string, Collections[C][string]>)[id];
  }

  /** Newest first, as Stripe lists. */
  all<C extends CollectionName>(collection: C): Collections[C][string][] {
    const entries = Object.entries(this.data[collection] as Record<string, Collections[C][string]>);
    return entries.sort(([a], [b]) => (this.order.get(b) ?? 0) - (this.order.get(a) ?? 0)).map(([, v]) => v);
  }

  /** Written at most every 200 ms; atomically (write then rename). */
  scheduleSave(): void {
    if (!this.snapshotFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saveNow();
    }, 200);
    this.saveTimer.unref();
  }

  saveNow(): void {
    if (!this.snapshotFile) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    mkdirSync(path.dirname(this.snapshotFile), { recursive: true });
    const tmp = `${this.snapshotFile}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, sequence: this.sequence, order: [...this.order], data: this.data }));
    renameSync(tmp, this.snapshotFile);
  }

  load(): boolean {
    if (!this.snapshotFile || !existsSync(this.snapshotFile)) return false;
    const snapshot = JSON.parse(readFileSync(this.snapshotFile, 'utf8')) as {
      sequence: number;
      order: [string, number][];
      data: Partial<Collections>;
    };
    this.data = { ...EMPTY(), ...snapshot.data };
    this.order.clear();
    for (const [id, n] of snapshot.order) this.order.set(id, n);
    this.sequence = snapshot.sequence;
    return true;
  }
}
