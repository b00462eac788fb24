/**
 * The app's one clock; everything that asks "what time is it" asks here.
 * Tests can move it (TEST_CLOCK=enabled exposes POST /api/test/clock); in any
 * other run the offset stays zero.
 */
const state = globalThis as unknown as { __wellbookClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (state.__wellbookClockOffsetMs ?? 0));
}

export function setClockOffset(ms: number): void {
  state.__wellbookClockOffsetMs = ms;
}

export function clockOffset(): number {
  return state.__wellbookClockOffsetMs ?? 0;
}
