/**
 * Deliberate misbehaviour for the next N events, so the app's exactly-once
 * handling is exercised: duplicates, reordering, delays, dropped attempts,
 * and lost events (every attempt fails: the app never hears of them).
 * Several modes may be active at once; each counts down per event.
 */
export const CHAOS_MODES = ['duplicate', 'reorder', 'delay', 'drop', 'lose'] as const;
export type ChaosMode = (typeof CHAOS_MODES)[number];

export interface ChaosSetting {
  mode: ChaosMode;
  /** Events still to be affected. */
  remaining: number;
  /** duplicate: deliveries per event and target (default 3). */
  copies?: number;
  /** delay: how long each delivery waits before its first attempt (default 2000). */
  delayMs?: number;
  /** reorder: how long the batch is held at most before it is released (default 500). */
  windowMs?: number;
}

/** What the chaos settings do to one event. */
export interface EventChaos {
  copies: number;
  delayMs: number;
  drop: boolean;
  /** Never delivered: the delivery fails at its first attempt and is not retried (as if Stripe had given up). */
  lose: boolean;
  /** Held back with the others of its batch; `last` completes the batch. */
  reorder?: { windowMs: number; last: boolean };
}

export const NO_CHAOS: EventChaos = { copies: 1, delayMs: 0, drop: false, lose: false };

export class Chaos {
  private readonly settings = new Map<ChaosMode, ChaosSetting>();

  set(setting: ChaosSetting): void {
    this.settings.set(setting.mode, setting);
  }

  clear(): void {
    this.settings.clear();
  }

  list(): ChaosSetting[] {
    return [...this.settings.values()].map((s) => ({ ...s }));
  }

  /** Applies (and counts down) every active setting for one new event. */
  take(): EventChaos {
    const out: EventChaos = { ...NO_CHAOS };
    for (const s of this.settings.values()) {
      s.remaining -= 1;
      if (s.mode === 'duplicate') out.copies = s.copies ?? 3;
      if (s.mode === 'delay') out.delayMs = s.delayMs ?? 2_000;
      if (s.mode === 'drop') out.drop = true;
      if (s.mode === 'lose') out.lose = true;
      if (s.mode === 'reorder') out.reorder = { windowMs: s.windowMs ?? 500, last: s.remaining <= 0 };
      if (s.remaining <= 0) this.settings.delete(s.mode);
    }
    return out;
  }
}

function wholeNumber(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return v;
}

/** Validates a control API request; throws an Error whose message is for the caller. */
export function parseChaosSetting(body: unknown): ChaosSetting {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('Expected a JSON object.');
  const record = body as Record<string, unknown>;
  const mode = record.mode;
  if (typeof mode !== 'string' || !(CHAOS_MODES as readonly string[]).includes(mode)) {
    throw new Error(`mode must be one of ${CHAOS_MODES.join(', ')}.`);
  }
  const setting: ChaosSetting = { mode: mode as ChaosMode, remaining: wholeNumber(record, 'count', 1, 10_000) ?? 1 };
  const copies = wholeNumber(record, 'copies', 1, 20);
  const delayMs = wholeNumber(record, 'delayMs', 0, 600_000);
  const windowMs = wholeNumber(record, 'windowMs', 1, 600_000);
  if (setting.mode === 'duplicate') setting.copies = copies ?? 3;
  if (setting.mode === 'delay') setting.delayMs = delayMs ?? 2_000;
  if (setting.mode === 'reorder') setting.windowMs = windowMs ?? 500;
  return setting;
}
