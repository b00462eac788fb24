/**
 * The emulator's clock: real time plus an offset that the control API can
 * advance, so expiries (checkout sessions, idempotency keys) can be tested.
 */
export class Clock {
  constructor(public offsetMs = 0) {}

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Unix seconds, as every Stripe timestamp is. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
