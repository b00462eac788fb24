import { describe, expect, it } from 'vitest';
import { refundDueFor } from '@/lib/bookings/rules';
import { blockedRange } from '@/lib/bookings/book';
import { platformFee } from '@/lib/money';
import type { PublicUser } from '@/lib/users/public-user';

const user = (role: PublicUser['role']): PublicUser => ({ id: 'u', email: 'u@x.test', name: 'U', role, created_at: '' });

describe('platformFee', () => {
  it('is amount x bps / 10000, rounded half up, in integers', () => {
    expect(platformFee(2500, 1500)).toBe(375);
    expect(platformFee(3000, 1000)).toBe(300);
    expect(platformFee(1, 5000)).toBe(1); // 0.5 rounds up
    expect(platformFee(3, 1500)).toBe(0); // 0.45 rounds down
    expect(platformFee(10, 1500)).toBe(2); // 1.5 rounds up
    expect(platformFee(0, 1500)).toBe(0);
    expect(platformFee(999_999, 10_000)).toBe(999_999);
  });

  it('refuses floats and out-of-range basis points', () => {
    expect(() => platformFee(12.5, 1500)).toThrow(RangeError);
    expect(() => platformFee(100, 10_001)).toThrow(RangeError);
    expect(() => platformFee(-1, 100)).toThrow(RangeError);
  });
});

describe('refundDueFor (the cancellation policy)', () => {
  const at = new Date('2027-01-10T10:00:00Z');
  const paid = (hoursAhead: number) => ({ paymentStatus: 'paid' as const, startsAt: new Date(at.getTime() + hoursAhead * 3_600_000) });

  it('owes a client everything back at 24 h or more before the start, nothing later', () => {
    expect(refundDueFor(paid(24), user('client'), at, 24)).toBe('full');
    expect(refundDueFor(paid(23.99), user('client'), at, 24)).toBe('none');
  });

  it('owes everything back when a provider or admin cancels, however late', () => {
    expect(refundDueFor(paid(1), user('provider'), at, 24)).toBe('full');
    expect(refundDueFor(paid(-1), user('admin'), at, 24)).toBe('full');
  });

  it('owes nothing when nothing was paid', () => {
    expect(refundDueFor({ paymentStatus: 'pending', startsAt: paid(48).startsAt }, user('client'), at, 24)).toBe('none');
    expect(refundDueFor({ paymentStatus: 'unpaid', startsAt: paid(48).startsAt }, user('admin'), at, 24)).toBe('none');
  });

  it('returns a credit-paid booking in time', () => {
    expect(refundDueFor({ paymentStatus: 'credit_used', startsAt: paid(48).startsAt }, user('client'), at, 24)).toBe('full');
  });
});

describe('blockedRange', () => {
  it("covers the session and the buffer after it, as a half-open range", () => {
    expect(blockedRange(new Date('2027-01-10T10:00:00Z'), 45, 15)).toBe('[2027-01-10T10:00:00.000Z,2027-01-10T11:00:00.000Z)');
  });
});
