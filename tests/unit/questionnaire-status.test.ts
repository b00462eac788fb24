import { describe, expect, it } from 'vitest';
import { expiryFor, toStatus } from '@/lib/questionnaire/status';

const DAY = 86_400_000;
const completedAt = new Date('2026-01-10T09:00:00Z');
const row = (over: Partial<{ requiresClearance: boolean; clearedAt: Date | null }> = {}) => ({
  id: 'q1',
  completedAt,
  expiresAt: expiryFor(completedAt),
  requiresClearance: false,
  clearedAt: null,
  ...over,
});
const after = (days: number) => new Date(completedAt.getTime() + days * DAY);

describe('questionnaire status', () => {
  it('is missing without a questionnaire', () => {
    expect(toStatus(undefined, after(0))).toMatchObject({ state: 'missing', valid_for_booking: false, due_for_renewal: false, days_until_expiry: null });
  });

  it('is valid for 365 days, due for renewal in the last 30', () => {
    expect(expiryFor(completedAt).toISOString()).toBe('2027-01-10T09:00:00.000Z');
    expect(toStatus(row(), after(0))).toMatchObject({ state: 'valid', valid_for_booking: true, due_for_renewal: false, days_until_expiry: 365 });
    expect(toStatus(row(), after(334.5))).toMatchObject({ due_for_renewal: false, days_until_expiry: 31 });
    expect(toStatus(row(), after(335))).toMatchObject({ state: 'valid', due_for_renewal: true, days_until_expiry: 30 });
    expect(toStatus(row(), new Date(after(365).getTime() - 1))).toMatchObject({ state: 'valid', days_until_expiry: 1 });
  });

  it('expires at exactly 365 days', () => {
    expect(toStatus(row(), after(365))).toMatchObject({ state: 'expired', valid_for_booking: false, due_for_renewal: true, days_until_expiry: 0 });
    expect(toStatus(row({ requiresClearance: true }), after(400))).toMatchObject({ state: 'expired' });
  });

  it('needs clearance after a medical "yes" until cleared', () => {
    expect(toStatus(row({ requiresClearance: true }), after(1))).toMatchObject({ state: 'needs_clearance', valid_for_booking: false, requires_clearance: true });
    const cleared = toStatus(row({ requiresClearance: true, clearedAt: after(2) }), after(3));
    expect(cleared).toMatchObject({ state: 'valid', valid_for_booking: true, requires_clearance: true, cleared_at: after(2).toISOString() });
  });
});
