import { describe, expect, it } from 'vitest';
import { currencyExponent, formatBps, formatMoney, minorToDecimal, parseMoneyInput, parsePercentInput, priceProblem } from '@/lib/money';
import { addDays, creditExpiry, daysUntil } from '@/lib/time';

describe('currencies by their own digits (ISO 4217)', () => {
  it('knows the exponent of each currency', () => {
    expect(currencyExponent('gbp')).toBe(2);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('kes')).toBe(2);
    expect(currencyExponent('jpy')).toBe(0);
    expect(currencyExponent('kwd')).toBe(3);
  });

  it('formats minor units by the exponent, not by 100', () => {
    expect(formatMoney({ amount: 1250, currency: 'gbp' })).toBe('£12.50');
    expect(formatMoney({ amount: 500, currency: 'jpy' })).toBe('JP¥500');
    expect(formatMoney({ amount: 150_000, currency: 'kes' })).toMatch(/^KES\s1,500\.00$/);
    expect(formatMoney({ amount: 1234, currency: 'kwd' })).toMatch(/^KWD\s1\.234$/);
    expect(formatMoney({ amount: 0, currency: 'gbp' })).toBe('Free');
    expect(formatMoney({ amount: 0, currency: 'gbp' }, { zero: 'amount' })).toBe('£0.00');
    expect(formatMoney({ amount: -1505, currency: 'gbp' })).toBe('-£15.05');
  });

  it('parses typed amounts without floats, refusing more digits than the currency has', () => {
    expect(parseMoneyInput('12.5', 'gbp')).toBe(1250);
    expect(parseMoneyInput('£12.50', 'gbp')).toBe(1250);
    expect(parseMoneyInput('0.29', 'gbp')).toBe(29);
    expect(parseMoneyInput('12,5', 'eur')).toBe(1250);
    expect(parseMoneyInput('500', 'jpy')).toBe(500);
    expect(parseMoneyInput('12.5', 'jpy')).toBeNull();
    expect(parseMoneyInput('12.345', 'gbp')).toBeNull();
    expect(parseMoneyInput('1.234', 'kwd')).toBe(1234);
    expect(parseMoneyInput('KES 1500', 'kes')).toBe(150_000);
    for (const bad of ['', '-1', '1e3', 'abc', '1,250.00', ' . ']) expect(parseMoneyInput(bad, 'gbp')).toBeNull();
  });

  it('writes minor units as a plain decimal', () => {
    expect(minorToDecimal(-1505, 'gbp')).toBe('-15.05');
    expect(minorToDecimal(5, 'gbp')).toBe('0.05');
    expect(minorToDecimal(500, 'jpy')).toBe('500');
  });

  it('formats and parses basis points as percentages', () => {
    expect(formatBps(1500)).toBe('15%');
    expect(formatBps(1250)).toBe('12.5%');
    expect(formatBps(1234)).toBe('12.34%');
    expect(parsePercentInput('15')).toBe(1500);
    expect(parsePercentInput('12.5')).toBe(1250);
    expect(parsePercentInput('12.34%')).toBe(1234);
    expect(parsePercentInput('100')).toBe(10_000);
    for (const bad of ['100.01', '12.345', '-1', 'x', '']) expect(parsePercentInput(bad)).toBeNull();
  });
});

describe('day arithmetic', () => {
  it('adds days and computes a credit expiry from its grant', () => {
    const at = new Date('2027-01-31T10:00:00Z');
    expect(addDays(at, 1).toISOString()).toBe('2027-02-01T10:00:00.000Z');
    expect(creditExpiry(at, 365).toISOString()).toBe('2028-01-31T10:00:00.000Z');
    expect(daysUntil(at, new Date('2027-02-02T09:00:00Z'))).toBe(2);
    expect(daysUntil(at, new Date('2027-01-01T00:00:00Z'))).toBe(0);
  });
});

describe('priceProblem', () => {
  it('refuses KES prices M-Pesa could not take: cents, or over KES 250,000; other currencies and free are left alone', () => {
    expect(priceProblem(150_000, 'kes')).toBeNull();
    expect(priceProblem(25_000_000, 'KES')).toBeNull();
    expect(priceProblem(0, 'kes')).toBeNull();
    expect(priceProblem(150_050, 'kes')).toMatch(/whole shillings/);
    expect(priceProblem(25_000_100, 'kes')).toMatch(/at most KES 250,000/);
    expect(priceProblem(150_050, 'gbp')).toBeNull();
    expect(priceProblem(99_999_999, 'usd')).toBeNull();
  });
});
