import { describe, expect, it } from 'vitest';
import { figuresOf, emptyCounts, rate } from '@/lib/reports/summary-figures';
import { presetRange } from '@/lib/reports/summary-presets';
import { intervalStarts } from '@/lib/reports/summary-intervals';

describe('the summary’s intervals', () => {
  it('cuts days, weeks from Monday and months from the 1st, the first cut to the range', () => {
    expect(intervalStarts('2027-02-27', '2027-03-02', 'day')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
    // 2027-03-03 is a Wednesday.
    expect(intervalStarts('2027-03-03', '2027-03-20', 'week')).toEqual(['2027-03-03', '2027-03-08', '2027-03-15']);
    expect(intervalStarts('2027-01-15', '2027-04-01', 'month')).toEqual(['2027-01-15', '2027-02-01', '2027-03-01']);
  });
});

describe('the page’s presets', () => {
  it('are days of the platform zone, the last one being today', () => {
    expect(presetRange('last_7_days', '2027-03-05')).toEqual({ from: '2027-02-27', to: '2027-03-06', interval: 'day' });
    expect(presetRange('last_30_days', '2027-03-05')).toMatchObject({ from: '2027-02-04', to: '2027-03-06' });
    expect(presetRange('last_90_days', '2027-03-05')).toEqual({ from: '2026-12-06', to: '2027-03-06', interval: 'week' });
    expect(presetRange('this_month', '2027-03-05')).toMatchObject({ from: '2027-03-01', to: '2027-04-01' });
    expect(presetRange('last_month', '2027-01-05')).toMatchObject({ from: '2026-12-01', to: '2027-01-01' });
  });
});

describe('the summary’s rates', () => {
  it('are fractions to 4 decimals, null with nothing to divide by; net is gross less refunds', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBeNull();
    const f = figuresOf('gbp', { ...emptyCounts(), gross: 5000, refunds: 2000, payments_succeeded: 2, payments_failed: 1, bookings_completed: 3, bookings_no_show: 1 });
    expect(f).toMatchObject({ net: 3000, refund_rate: 0.4, success_rate: 0.6667, no_show_rate: 0.25, fill_rate: null });
  });
});
