import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, appUrls, insertPayment, insertUser, makeClient, makeProvider, testSql, waitFor, type ErrorBody } from './fixtures';

const PATH = '/api/v1/reports/transactions.csv';
const HEADER =
  'id,created_at,type,payment_id,stripe_object_id,currency,gross,fee,net,gross_decimal,fee_decimal,net_decimal,' +
  'payable_type,payable_id,payment_status,payment_amount,refunded_amount,payment_provider,mpesa_receipt,card_brand,card_last4,' +
  'client_id,client_name,client_email,provider_id,provider_name,metadata\r\n';

let admin: string;
beforeAll(async () => {
  admin = await adminToken();
});

async function insertLedger(e: { paymentId: string; type: string; objectId: string; gross: number; fee: number; at: string; metadata?: Record<string, string> }): Promise<string> {
  const [row] = await testSql()`
    insert into payment_transactions (payment_id, type, stripe_object_id, gross, fee, net, currency, metadata, created_at)
    values (${e.paymentId}, ${e.type}, ${e.objectId}, ${e.gross}, ${e.fee}, ${e.gross - e.fee}, 'gbp', ${testSql().json(e.metadata ?? {})}, ${e.at})
    returning id::text as id`;
  return row?.id as string;
}

describe('GET /api/v1/reports/transactions.csv: who may', () => {
  it('is 401 without a token and 403 for clients and providers', async () => {
    const anonymous = await api<ErrorBody>(PATH);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    const client = await makeClient('none');
    expect((await api<ErrorBody>(PATH, { token: client.token })).status).toBe(403);
    const provider = await makeProvider();
    const refused = await api<ErrorBody>(PATH, { token: provider.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });
});

describe('GET /api/v1/reports/transactions.csv: bad ranges are a 400', () => {
  const bad = async (query: string) => {
    const res = await api<ErrorBody>(`${PATH}?${query}`, { token: admin });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    return res.body.error.fields ?? {};
  };

  it('names the field that is not a date-time', async () => {
    expect(Object.keys(await bad('from=yesterday'))).toEqual(['from']);
    expect(Object.keys(await bad('from=2027-03-01'))).toEqual(['from']);
    expect(Object.keys(await bad('to=2027-13-01T00:00:00Z'))).toEqual(['to']);
    expect(Object.keys(await bad('from=2027-03-01T00:00:00Z&from=2027-03-02T00:00:00Z'))).toEqual(['from']);
  });

  it('refuses an empty, reversed or longer than three years range, and unknown parameters', async () => {
    expect(await bad('from=2027-03-01T00:00:00Z&to=2027-03-01T00:00:00Z')).toEqual({ to: ['"to" must be after "from".'] });
    expect(await bad('from=2027-03-02T00:00:00Z&to=2027-03-01T00:00:00Z')).toEqual({ to: ['"to" must be after "from".'] });
    expect(await bad('from=2020-01-01T00:00:00Z&to=2027-03-01T00:00:00Z')).toEqual({ to: ['The range can be at most three years.'] });
    expect(Object.keys(await bad('from=2027-03-01T00:00:00Z&format=xlsx'))).toEqual(['format']);
  });
});

describe('GET /api/v1/reports/transactions.csv: the file', () => {
  it('lists the ledger rows of [from, to), oldest first, with every column, escaped and guarded', async () => {
    const quoted = await insertUser('client', 'Smith, "JJ" Jo');
    const formula = await insertUser('client', '=HYPERLINK("http://evil.test","x")');
    const provider = await insertUser('provider', 'Pat Provider');
    const paid = await insertPayment({ clientId: quoted.id, providerId: provider.id, amount: 2500, status: 'partially_refunded', refunded: 1000, card: ['visa', '4242'] });
    const pack = await insertPayment({ clientId: formula.id, providerId: null, amount: 5000, status: 'succeeded' });
    const tag = randomUUID().slice(0, 8);

    // 2001: no other test writes ledger rows there.
    await insertLedger({ paymentId: paid.id, type: 'single', objectId: `ch_before_${tag}`, gross: 100, fee: 15, at: '2001-02-28T23:59:59.999Z' });
    const single = await insertLedger({ paymentId: paid.id, type: 'single', objectId: `ch_${tag}`, gross: 2500, fee: 375, at: '2001-03-01T00:00:00Z', metadata: { note: 'a, b' } });
    const refund = await insertLedger({ paymentId: paid.id, type: 'refund', objectId: `-re_${tag}`, gross: -1000, fee: -150, at: '2001-03-20T08:30:00Z', metadata: { reason: 'Late "start"' } });
    const purchase = await insertLedger({ paymentId: pack.id, type: 'purchase', objectId: `ch_pack_${tag}`, gross: 5000, fee: 0, at: '2001-03-10T12:00:00.250Z' });
    await insertLedger({ paymentId: pack.id, type: 'refund', objectId: `re_after_${tag}`, gross: -5000, fee: 0, at: '2001-04-01T00:00:00Z' });

    const res = await api<string>(`${PATH}?from=2001-03-01T00:00:00Z&to=2001-04-01T00:00:00Z`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="transactions-20010301T000000Z-20010401T000000Z.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toBe(
      HEADER +
        `${single},2001-03-01T00:00:00.000Z,single,${paid.id},ch_${tag},gbp,2500,375,2125,25.00,3.75,21.25,` +
        `booking,${paid.payableId},partially_refunded,2500,1000,card,,visa,4242,` +
        `${quoted.id},"Smith, ""JJ"" Jo",${quoted.email},${provider.id},Pat Provider,"{""note"": ""a, b""}"\r\n` +
        `${purchase},2001-03-10T12:00:00.250Z,purchase,${pack.id},ch_pack_${tag},gbp,5000,0,5000,50.00,0.00,50.00,` +
        `booking,${pack.payableId},succeeded,5000,0,card,,,,` +
        `${formula.id},"'=HYPERLINK(""http://evil.test"",""x"")",${formula.email},,,{}\r\n` +
        `${refund},2001-03-20T08:30:00.000Z,refund,${paid.id},'-re_${tag},gbp,-1000,-150,-850,-10.00,-1.50,-8.50,` +
        `booking,${paid.payableId},partially_refunded,2500,1000,card,,visa,4242,` +
        `${quoted.id},"Smith, ""JJ"" Jo",${quoted.email},${provider.id},Pat Provider,"{""reason"": ""Late \\""start\\""""}"\r\n`,
    );
  });

  it('is just the header for a range without rows', async () => {
    const res = await api<string>(`${PATH}?from=1999-01-01T00:00:00Z&to=1999-02-01T00:00:00Z`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toBe(HEADER);
  });

  it('streams a large range, and a client that goes away closes the cursor and frees the connection', async () => {
    const client = await insertUser('client', 'Bulk Client');
    const payment = await insertPayment({ clientId: client.id, providerId: null, amount: 1000, status: 'succeeded' });
    const tag = randomUUID().slice(0, 8);
    await testSql()`
      insert into payment_transactions (payment_id, type, stripe_object_id, gross, fee, net, currency, metadata, created_at)
      select ${payment.id}, 'single', ${`ch_bulk_${tag}_`} || g, 1000, 150, 850, 'gbp', '{"bulk": true}'::jsonb,
             '2002-01-01T00:00:00Z'::timestamptz + g * interval '1 second'
      from generate_series(1, 30000) g`;
    const exportsRunning = async () => {
      const [row] = await testSql()`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and state <> 'idle' and query like '%from payment_transactions t%' and pid <> pg_backend_pid()`;
      return row?.n as number;
    };

    const aborter = new AbortController();
    const res = await fetch(`${appUrls()[0]}${PATH}?from=2002-01-01T00:00:00Z&to=2002-02-01T00:00:00Z`, {
      headers: { authorization: `Bearer ${admin}` },
      signal: aborter.signal,
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).startsWith(HEADER)).toBe(true);
    // The reader stopped: the server holds its cursor open, waiting.
    expect(await waitFor(exportsRunning, (n) => n > 0, 5_000)).toBe(1);

    aborter.abort();
    await reader.cancel().catch(() => undefined);
    expect(await waitFor(exportsRunning, (n) => n === 0, 10_000)).toBe(0);

    // And a whole download has every row.
    const whole = await api<string>(`${PATH}?from=2002-01-01T00:00:00Z&to=2002-02-01T00:00:00Z`, { token: admin });
    expect(whole.status).toBe(200);
    const lines = whole.body.split('\r\n');
    expect(lines).toHaveLength(30_002); // header, rows, and the empty string after the last CRLF
    expect(lines[1]).toContain(`ch_bulk_${tag}_1,`);
    expect(lines[30_000]).toContain(`ch_bulk_${tag}_30000,`);
    expect(await exportsRunning()).toBe(0);
  });
});
