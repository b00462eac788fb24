import { createHash } from 'node:crypto';
import type { Clock } from '../store/clock';
import { StripeApiError } from './errors';

interface Entry {
  fingerprint: string;
  /** Unix ms, on the emulator's clock. */
  createdAt: number;
  result?: { status: number; body: unknown };
}

const TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Stripe's idempotency: the first response to a key (status and body) is
 * kept for 24 h and replayed with `Idempotent-Replayed: true`; the same key
 * with other parameters is a 400 idempotency_error; a request arriving while
 * the first is still running gets a 409.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  static fingerprint(method: string, path: string, body: string): string {
    const sorted = [...new URLSearchParams(body)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return createHash('sha256').update(`${method} ${path}\n${new URLSearchParams(sorted).toString()}`).digest('hex');
  }

  /** The stored response to replay, or undefined when the caller should run the request (now marked in flight). */
  begin(scope: string, key: string, fingerprint: string): { status: number; body: unknown } | undefined {
    this.expire();
    const id = `${scope}\u0000${key}`;
    const entry = this.entries.get(id);
    if (!entry) {
      this.entries.set(id, { fingerprint, createdAt: this.clock.nowMs() });
      return undefined;
    }
    if (entry.fingerprint !== fingerprint) {
      throw new StripeApiError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (!entry.result) {
      throw new StripeApiError(409, {
        type: 'idempotency_error',
        code: 'idempotency_key_in_use',
        message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
      });
    }
    return entry.result;
  }

  finish(scope: string, key: string, result: { status: number; body: unknown }): void {
    const entry = this.entries.get(`${scope}\u0000${key}`);
    if (entry) entry.result = result;
  }

  /** Forgets a key whose request did not run to the end (so a retry runs it). */
  abandon(scope: string, key: string): void {
    this.entries.delete(`${scope}\u0000${key}`);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries sit in creation order, so the scan stops at the first one still fresh. */
  private expire(): void {
    const cutoff = this.clock.nowMs() - TTL_MS;
    for (const [id, entry] of this.entries) {
      if (entry.createdAt >= cutoff) break;
      this.entries.delete(id);
    }
  }
}
