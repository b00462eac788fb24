import { describe, expect, it } from 'vitest';
import { parseLineFilters } from '@/components/earnings/line-query';
import type { EarningLineDto } from '@/lib/earnings';
import { sumByCurrency } from '@/lib/money';
import { csvHeader, csvRecord } from '@/lib/reports/csv';
import { earningLineColumns, earningLinesFileName } from '@/lib/reports/earning-lines-csv';

const gbp = (amount: number) => ({ amount, currency: 'gbp' });

const line: EarningLineDto = {
  id: '5b0c1f9e-0d7e-4c1a-9a55-3f1a2b3c4d5e',
  provider_id: 'a0000000-0000-4000-8000-000000000001',
  kind: 'clawback',
  booking_id: 'b0000000-0000-4000-8000-000000000002',
  payment_id: 'pi_123',
  payment_provider: 'card',
  credit_id: null,
  complimentary: false,
  state: 'available',
  gross: gbp(-1200),
  fee: gbp(-180),
  net: gbp(-1020),
  description: 'Refund after payout',
  client_name: 'Alice Brown',
  session_starts_at: null,
  clawback_of: '5b0c1f9e-0d7e-4c1a-9a55-3f1a2b3c4d50',
  created_at: '2027-03-01T10:00:00.000Z',
  delivered_at: null,
  payout_id: null,
};

describe('the earning lines CSV', () => {
  it('has the columns in order, amounts as signed decimals of the currency', () => {
    expect(csvHeader(earningLineColumns)).toBe('id,booking_id,payment_id,credit_id,kind,state,currency,gross,fee,net,created_at,delivered_at,payout_id,payment_provider\r\n');
    expect(csvRecord(earningLineColumns, line)).toBe(
      '5b0c1f9e-0d7e-4c1a-9a55-3f1a2b3c4d5e,b0000000-0000-4000-8000-000000000002,pi_123,,clawback,available,gbp,-12.00,-1.80,-10.20,2027-03-01T10:00:00.000Z,,,card\r\n',
    );
    expect(csvRecord(earningLineColumns, { ...line, gross: { amount: 500, currency: 'jpy' }, fee: { amount: 75, currency: 'jpy' }, net: { amount: 425, currency: 'jpy' } })).toContain(',jpy,500,75,425,');
  });

  it('names the file after its range', () => {
    expect(earningLinesFileName({})).toBe('earnings.csv');
    expect(earningLinesFileName({ from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-04-01T00:00:00Z') })).toBe('earnings-20270301T000000Z-20270401T000000Z.csv');
    expect(earningLinesFileName({ from: new Date('2027-03-01T00:00:00Z') })).toBe('earnings-20270301T000000Z-now.csv');
  });
});

describe('the earnings page filter', () => {
  it('reads the state and UTC days, the last day included, and links the CSV of the same lines', () => {
    const f = parseLineFilters({ state: 'available', from: '2027-03-01', to: '2027-03-31', page: '2' });
    expect(f.values).toEqual({ state: 'available', from: '2027-03-01', to: '2027-03-31' });
    expect(f.query).toEqual({ state: 'available', from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-04-01T00:00:00Z') });
    expect(f.page).toBe(2);
    expect(f.csvHref).toBe('/api/v1/earnings/lines.csv?state=available&from=2027-03-01T00%3A00%3A00.000Z&to=2027-04-01T00%3A00%3A00.000Z');
  });

  it('ignores what it cannot read', () => {
    const f = parseLineFilters({ state: 'stolen', from: '2027-02-30', to: ['2027-03-01', '2027-03-02'], page: '0' });
    expect(f.values).toEqual({ state: undefined, from: undefined, to: undefined });
    expect(f.query).toEqual({ state: undefined, from: undefined, to: undefined });
    expect(f.page).toBe(1);
    expect(f.csvHref).toBe('/api/v1/earnings/lines.csv');
  });
});

describe('sums per currency', () => {
  it('adds amounts of each currency apart, in the order currencies first appear', () => {
    expect(sumByCurrency([gbp(1000), { amount: 300, currency: 'usd' }, gbp(-250), { amount: 200, currency: 'usd' }])).toEqual([gbp(750), { amount: 500, currency: 'usd' }]);
    expect(sumByCurrency([])).toEqual([]);
  });
});
