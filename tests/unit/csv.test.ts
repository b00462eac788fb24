import { describe, expect, it } from 'vitest';
import { currencyExponent, minorToDecimal } from '@/lib/money';
import { csvField, csvHeader, csvNumber, csvRecord, csvText, type CsvColumn } from '@/lib/reports/csv';
import { currentMonthDays, transactionsCsvLink, utcDayStart } from '@/lib/export-range';
import { exportFileName, exportRange, transactionColumns, type LedgerExportRow } from '@/lib/reports/transactions-csv';

describe('csvField (RFC 4180)', () => {
  it('leaves plain values alone', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField("O'Neil; x")).toBe("O'Neil; x");
  });

  it('quotes a field holding a comma, a double quote, CR or LF, doubling the quotes inside', () => {
    expect(csvField('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvField('Jo "JJ" Smith')).toBe('"Jo ""JJ"" Smith"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('"')).toBe('""""');
  });
});

describe('csvText (formula injection)', () => {
  it('prefixes a cell starting with = + - @ tab or CR with a quote mark', () => {
    expect(csvText('=HYPERLINK("http://x.test")')).toBe('"\'=HYPERLINK(""http://x.test"")"');
    expect(csvText('+1 555')).toBe("'+1 555");
    expect(csvText('-2+3')).toBe("'-2+3");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\tcmd')).toBe("'\tcmd");
    expect(csvText('\rcmd')).toBe('"\'\rcmd"');
  });

  it('leaves other text alone, and writes nothing for null', () => {
    expect(csvText('Ann = Bob')).toBe('Ann = Bob');
    expect(csvText('a@b.test')).toBe('a@b.test');
    expect(csvText(null)).toBe('');
    expect(csvText(undefined)).toBe('');
  });
});

describe('csvNumber', () => {
  it('writes numbers as they are, negative ones included', () => {
    expect(csvNumber(-1500)).toBe('-1500');
    expect(csvNumber(0)).toBe('0');
    expect(csvNumber('12345678901234567890')).toBe('12345678901234567890');
    expect(csvNumber('-15.05')).toBe('-15.05');
    expect(csvNumber(null)).toBe('');
  });

  it('guards anything that is not a plain number like text', () => {
    expect(csvNumber('-1+2')).toBe("'-1+2");
    expect(csvNumber('=1,2')).toBe('"\'=1,2"');
  });
});

describe('csvHeader and csvRecord', () => {
  type Row = { name: string; amount: number; note: string | null };
  const columns: CsvColumn<Row>[] = [
    { header: 'name', kind: 'text', value: (r) => r.name },
    { header: 'amount', kind: 'number', value: (r) => r.amount },
    { header: 'note', kind: 'text', value: (r) => r.note },
  ];

  it('ends every record with CRLF', () => {
    expect(csvHeader(columns)).toBe('name,amount,note\r\n');
    expect(csvRecord(columns, { name: 'Lee, "Al"', amount: -250, note: null })).toBe('"Lee, ""Al""",-250,\r\n');
    expect(csvRecord(columns, { name: '-Al', amount: -250, note: '=1' })).toBe("'-Al,-250,'=1\r\n");
  });
});

describe('minorToDecimal', () => {
  it('turns minor units into a decimal with the currency’s own digits', () => {
    expect(minorToDecimal(2500, 'gbp')).toBe('25.00');
    expect(minorToDecimal(-1505, 'gbp')).toBe('-15.05');
    expect(minorToDecimal(5, 'usd')).toBe('0.05');
    expect(minorToDecimal(-5, 'eur')).toBe('-0.05');
    expect(minorToDecimal(0, 'gbp')).toBe('0.00');
    expect(minorToDecimal(500, 'jpy')).toBe('500');
    expect(minorToDecimal(-1234, 'kwd')).toBe('-1.234');
    expect(minorToDecimal(123_456_789, 'gbp')).toBe('1234567.89');
  });

  it('falls back to two digits for a code Intl does not know', () => {
    expect(currencyExponent('gbp')).toBe(2);
    expect(currencyExponent('jpy')).toBe(0);
    expect(currencyExponent('not-a-code')).toBe(2);
  });
});

describe('the transactions export', () => {
  const row: LedgerExportRow = {
    id: '42',
    created_at: '2027-03-05T10:00:00.123Z',
    type: 'refund',
    payment_id: 'pi_1',
    stripe_object_id: 're_1',
    gross: -1500,
    fee: -225,
    net: -1275,
    currency: 'gbp',
    payable_type: 'booking',
    payable_id: '00000000-0000-4000-8000-000000000001',
    payment_status: 'partially_refunded',
    payment_amount: 2500,
    refunded_amount: 1500,
    payment_provider: 'card',
    mpesa_receipt: null,
    card_brand: 'visa',
    card_last4: '4242',
    client_id: '00000000-0000-4000-8000-000000000002',
    client_name: '=cmd|"/c calc"!A1',
    client_email: 'c@example.test',
    provider_id: null,
    provider_name: null,
    metadata: '{"reason": "late, \\"very\\""}',
  };

  it('guards text columns but not the signed amounts', () => {
    expect(csvRecord(transactionColumns, row)).toBe(
      '42,2027-03-05T10:00:00.123Z,refund,pi_1,re_1,gbp,-1500,-225,-1275,-15.00,-2.25,-12.75,booking,00000000-0000-4000-8000-000000000001,' +
        'partially_refunded,2500,1500,card,,visa,4242,00000000-0000-4000-8000-000000000002,"\'=cmd|""/c calc""!A1",c@example.test,,,' +
        '"{""reason"": ""late, \\""very\\""""}"\r\n',
    );
  });

  it('has one header per column', () => {
    const header = csvHeader(transactionColumns);
    expect(header.split(',')).toHaveLength(transactionColumns.length);
    expect(header.startsWith('id,created_at,type,payment_id,stripe_object_id,currency,gross,fee,net,')).toBe(true);
  });

  it('ranges: to defaults to now, from to three years before; empty or longer ranges are refused on "to"', () => {
    const from = new Date('2027-01-01T00:00:00Z');
    const to = new Date('2027-02-01T00:00:00Z');
    expect(exportRange(from, to)).toEqual({ from, to });
    const open = exportRange(undefined, to);
    expect(to.getTime() - open.from.getTime()).toBe(1096 * 86_400_000);
    expect(() => exportRange(to, from)).toThrow(expect.objectContaining({ code: 'validation_failed', fields: { to: ['"to" must be after "from".'] } }));
    expect(() => exportRange(to, to)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => exportRange(new Date('2020-01-01T00:00:00Z'), to)).toThrow(expect.objectContaining({ message: 'The range can be at most three years.' }));
  });

  it('names the file after its range', () => {
    expect(exportFileName({ from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-04-01T00:00:00.500Z') })).toBe(
      'transactions-20270301T000000Z-20270401T000000.500Z.csv',
    );
  });
});

describe('the admin page’s download link', () => {
  it('turns whole UTC days, both included, into the [from, to) of the API', () => {
    expect(transactionsCsvLink('2027-03-01', '2027-03-31')).toEqual({
      ok: true,
      href: '/api/v1/reports/transactions.csv?from=2027-03-01T00%3A00%3A00.000Z&to=2027-04-01T00%3A00%3A00.000Z',
    });
    expect(transactionsCsvLink('2027-03-05', '2027-03-05')).toMatchObject({ ok: true });
  });

  it('refuses missing, unreal, reversed and too long ranges', () => {
    expect(transactionsCsvLink('', '2027-03-31')).toEqual({ ok: false, message: 'Pick both dates.' });
    expect(transactionsCsvLink('2027-02-30', '2027-03-31')).toEqual({ ok: false, message: 'Pick both dates.' });
    expect(transactionsCsvLink('2027-03-02', '2027-03-01')).toMatchObject({ ok: false });
    expect(transactionsCsvLink('2020-01-01', '2027-03-01')).toEqual({ ok: false, message: 'Export at most three years at a time.' });
    expect(utcDayStart('2027-3-1')).toBeNull();
  });

  it('defaults to the current UTC month', () => {
    expect(currentMonthDays(new Date('2028-02-10T23:30:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(currentMonthDays(new Date('2027-12-31T23:59:59Z'))).toEqual({ from: '2027-12-01', to: '2027-12-31' });
  });
});
