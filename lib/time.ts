/**
 * Day and hour arithmetic on instants, in one place. Durations here are exact
 * (a day is 24 hours of elapsed time); calendar days in a zone are for the
 * formatting and schedule code, which uses Luxon.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to`, rounded up (0 when `to` is not later). */
export function daysUntil(from: Date, to: Date): number {
  return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / DAY_MS));
}

/** When a credit bought or granted at `grantedAt` stops being usable (PRODUCT.md: `validity_days` after purchase). */
export function creditExpiry(grantedAt: Date, validityDays: number): Date {
  return addDays(grantedAt, validityDays);
}
