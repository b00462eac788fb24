import { describe, expect, it } from 'vitest';
import { maskPhone, normaliseKenyanPhone } from '@/lib/phone';
import { nairobiTimestamp } from '@/lib/payments/mpesa-client';
import { mpesaAmountProblem } from '@/lib/payments/mpesa';

describe('Kenyan phone numbers for M-Pesa', () => {
  it.each([
    ['0712345678', '254712345678'],
    ['0112345678', '254112345678'],
    ['+254712345678', '254712345678'],
    ['254112345678', '254112345678'],
    ['0712 345 678', '254712345678'],
    ['+254-712-345-678', '254712345678'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normaliseKenyanPhone(input)).toBe(expected);
  });

  it.each(['', '12345', '0812345678', '071234567', '07123456789', '+447700900123', '2547123456789', 'O712345678', '254812345678'])('refuses %j', (input) => {
    expect(normaliseKenyanPhone(input)).toBeNull();
  });

  it('masks all but the last 3 digits', () => {
    expect(maskPhone('254708374149')).toBe('*********149');
  });
});

describe('Daraja request details', () => {
  it('stamps in Africa/Nairobi (UTC+3), yyyyMMddHHmmss', () => {
    expect(nairobiTimestamp(new Date('2026-12-31T22:30:05Z'))).toBe('20270101013005');
  });

  it('takes whole KES 1 to 250,000 only', () => {
    expect(mpesaAmountProblem({ amount: 150_000, currency: 'kes' })).toBeNull();
    expect(mpesaAmountProblem({ amount: 25_000_000, currency: 'kes' })).toBeNull();
    expect(mpesaAmountProblem({ amount: 100, currency: 'kes' })).toBeNull();
    expect(mpesaAmountProblem({ amount: 150_050, currency: 'kes' })?.field).toBe('amount');
    expect(mpesaAmountProblem({ amount: 25_000_100, currency: 'kes' })?.field).toBe('amount');
    expect(mpesaAmountProblem({ amount: 50, currency: 'kes' })?.field).toBe('amount');
    expect(mpesaAmountProblem({ amount: 2500, currency: 'gbp' })?.field).toBe('pay_with');
  });
});
