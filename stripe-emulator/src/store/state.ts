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
  transfer_reversals: Record<string, Stripe.TransferReversal>;
  payouts: Record<string, Stripe.Payout>;
  checkout_sessions: Record<string, Stripe.Checkout.Session>;
  checkout_line_items: Record<string, Stripe.LineItem[]>;
  /** payment_intent_data of each Checkout Session, used when the customer pays. */
  checkout_payment_data: Record<string, CheckoutPaymentData>;
  accounts: Record<string, Stripe.Account>;
  account_links: Record<string, { object: Stripe.AccountLink; account: string; used: boolean; refresh_url: string; return_url: string }>;
  /** Express dashboard sessions behind login links: token -> account, expiry (unix s). */
  login_links: Record<string, { account: string; expires_at: number }>;
  events: Record<string, Stripe.Event>;
  /** `connect`: a Connect endpoint, for events of connected accounts (Stripe does not show the flag). */
  webhook_endpoints: Record<string, Stripe.WebhookEndpoint & { secret: string; connect?: boolean }>;
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
  transfer_reversals: {},
  payouts: {},
  checkout_sessions: {},
  checkout_line_items: {},
  checkout_payment_data: {},
  accounts: {},
  account_links: {},
  login_links: {},
  events: {},
  webhook_endpoints: {},
  deliveries: {},
});

/** Who owns an object: a connected account's id, or null for the platform. */
export type Owner = string | null;

interface JournalEntry {
  collection: CollectionName;
  id: string;
  /** The value before the change (undefined: the object did not exist). */
  before: unknown;
  order: number | undefined;
  owner: Owner | undefined;
}

export class State {
  data: Collections = EMPTY();
  /** Insertion counter, so lists come out newest first even within one second. */
  private sequence = 0;
  readonly order = new Map<string, number>();
  /** The account each object lives on (missing: the platform). */
  readonly owners = new Map<string, string>();
  /**
   * Whose view reads and writes take: an account id or null (the platform) while an API
   * request runs with or without `Stripe-Account`; undefined for the emulator's own work
   * (timers, pages, the control API), which sees every account.
   */
  scope: Owner | undefined = undefined;
  /** Changes of the running request, so a refused request can be undone. */
  private journal: JournalEntry[] | undefined;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly snapshotFile?: string) {}

  reset(): void {
    this.data = EMPTY();
    this.order.clear();
    this.owners.clear();
    this.sequence = 0;
    this.journal = undefined;
    this.scope = undefined;
    this.scheduleSave();
  }

  ownerOf(id: string): Owner {
    return this.owners.get(id) ?? null;
  }

  private visible(id: string): boolean {
    return this.scope === undefined || this.ownerOf(id) === this.scope;
  }

  /** Runs `fn` as `owner` would (objects it creates land on that account), then restores the scope. */
  withScope<T>(owner: Owner | undefined, fn: () => T): T {
    const saved = this.scope;
    this.scope = owner;
    try {
      return fn();
    } finally {
      this.scope = saved;
    }
  }

  /** Starts recording changes; `rollback` undoes them, `commit` keeps them. */
  begin(): void {
    this.journal = [];
  }

  get inTransaction(): boolean {
    return this.journal !== undefined;
  }

  commit(): void {
    this.journal = undefined;
  }

  rollback(): void {
    const journal = this.journal ?? [];
    this.journal = undefined;
    for (const entry of journal.reverse()) {
      const table = this.data[entry.collection] as Record<string, unknown>;
      if (entry.before === undefined) delete table[entry.id];
      else table[entry.id] = entry.before;
      if (entry.order === undefined) this.order.delete(entry.id);
      else this.order.set(entry.id, entry.order);
      if (entry.owner === undefined || entry.owner === null) this.owners.delete(entry.id);
      else this.owners.set(entry.id, entry.owner);
    }
    this.scheduleSave();
  }

  private record(collection: CollectionName, id: string): void {
    if (!this.journal) return;
    this.journal.push({
      collection,
      id,
      before: (this.data[collection] as Record<string, unknown>)[id],
      order: this.order.get(id),
      owner: this.order.has(id) ? this.ownerOf(id) : undefined,
    });
  }

  /**
   * Stores an object under its id, remembering when it first appeared and on which
   * account: `owner`, else the current scope (the platform outside requests).
   */
  put<C extends CollectionName>(collection: C, id: string, value: Collections[C][string], owner?: Owner): Collections[C][string] {
    this.record(collection, id);
    if (!this.order.has(id)) {
      this.order.set(id, ++this.sequence);
      const who = owner !== undefined ? owner : (this.scope ?? null);
      if (who) this.owners.set(id, who);
    }
    (this.data[collection] as Record<string, unknown>)[id] = value;
    this.scheduleSave();
    return value;
  }

  delete(collection: CollectionName, id: string): void {
    this.record(collection, id);
    delete (this.data[collection] as Record<string, unknown>)[id];
    this.order.delete(id);
    this.owners.delete(id);
    this.scheduleSave();
  }

  /** The object, if it exists on the current scope's account (any account outside requests). */
  get<C extends CollectionName>(collection: C, id: string): Collections[C][string] | undefined {
    const found = (this.data[collection] as Record<string, Collections[C][string]>)[id];
    return found !== undefined && this.visible(id) ? found : undefined;
  }

  /** Newest first, as Stripe lists; only the current scope's account's objects during a request. */
  all<C extends CollectionName>(collection: C): Collections[C][string][] {
    const entries = Object.entries(this.data[collection] as Record<string, Collections[C][string]>).filter(([id]) => this.visible(id));
    return entries.sort(([a], [b]) => (this.order.get(b) ?? 0) - (this.order.get(a) ?? 0)).map(([, v]) => v);
  }

  /** Every object of one account (or the platform), whatever the current scope. */
  ownedBy<C extends CollectionName>(collection: C, owner: Owner): Collections[C][string][] {
    return this.withScope(owner, () => this.all(collection));
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
    writeFileSync(tmp, JSON.stringify({ version: 2, sequence: this.sequence, order: [...this.order], owners: [...this.owners], data: this.data }));
    renameSync(tmp, this.snapshotFile);
  }

  load(): boolean {
    if (!this.snapshotFile || !existsSync(this.snapshotFile)) return false;
    const snapshot = JSON.parse(readFileSync(this.snapshotFile, 'utf8')) as {
      sequence: number;
      order: [string, number][];
      /** Since version 2; older snapshots hold platform objects only. */
      owners?: [string, string][];
      data: Partial<Collections>;
    };
    this.data = { ...EMPTY(), ...snapshot.data };
    this.order.clear();
    for (const [id, n] of snapshot.order) this.order.set(id, n);
    this.owners.clear();
    for (const [id, owner] of snapshot.owners ?? []) this.owners.set(id, owner);
    this.sequence = snapshot.sequence;
    return true;
  }
}
