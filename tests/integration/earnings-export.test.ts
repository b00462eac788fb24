import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, insertProvider, makeClient, testSql, type ErrorBody, type TestUser } from './fixtures';

const PATH = '/api/v1/earnings/lines.csv';
const HEADER = 'id,booking_id,payment_id,credit_id,kind,state,currency,gross,fee,net,created_at,delivered_at,payout_id,payment_provider';

/** `n` lines of `provider` a minute apart from `start` (earning lines as lib/earnings would leave them; the export only reads). */
async function insertLines(provider: TestUser, n: number, state: 'pending' | 'available', start: Date): Promise<void> {
  await testSql()`
    insert into earning_lines (provider_id, kind, payment_id, currency, state, paid_gross, paid_fee, paid_net, gross, fee, net, created_at, updated_at)
    select ${provider.id}, 'earning', 'pi_export_' || i, 'gbp', ${state}, 1200, 180, 1020, 1200, 180, 1020,
           ${start.toISOString()}::timestamptz + i * interval '1 minute', now()
    from generate_series(0, ${n - 1}) as i`;
}

const rows = (csv: string) => csv.trim().split('\r\n').slice(1).map((r) => r.split(','));

let provider: TestUser;
let admin: string;
beforeAll(async () => {
  provider = await insertProvider();
  admin = await adminToken();
  // More than a page of lib/earnings' listing (100), so the file spans several.
  await insertLines(provider, 150, 'available', new Date('2025-01-10T00:00:00Z'));
  await insertLines(provider, 80, 'pending', new Date('2025-02-10T00:00:00Z'));
});

describe('GET /api/v1/earnings/lines.csv', () => {
  it('streams every one of the provider’s lines once, newest first, amounts in decimals of the currency', async () => {
    const res = await api<string>(PATH, { token: provider.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="earnings.csv"');
    expect(res.body.split('\r\n')[0]).toBe(HEADER);
    const lines = rows(res.body);
    expect(lines).toHaveLength(230);
    expect(new Set(lines.map((l) => l[0])).size).toBe(230);
    expect(lines[0]?.slice(4, 10)).toEqual(['earning', 'pending', 'gbp', '12.00', '1.80', '10.20']);
    const created = lines.map((l) => l[10] ?? '');
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('filters by state and by the range of creation', async () => {
    const pending = rows((await api<string>(`${PATH}?state=pending`, { token: provider.token })).body);
    expect(pending).toHaveLength(80);
    expect(new Set(pending.map((l) => l[5]))).toEqual(new Set(['pending']));
    const range = await api<string>(`${PATH}?from=2025-01-10T00:00:00Z&to=2025-01-10T01:00:00Z`, { token: provider.token });
    expect(rows(range.body)).toHaveLength(60);
    expect(range.headers.get('content-disposition')).toBe('attachment; filename="earnings-20250110T000000Z-20250110T010000Z.csv"');
  });

  it('gives a provider only their own lines, an admin the provider named, and refuses clients and bad filters', async () => {
    const other = await insertProvider();
    const mine = await api<string>(`${PATH}?provider_id=${provider.id}`, { token: other.token });
    expect(mine.status).toBe(200);
    expect(rows(mine.body)).toHaveLength(0);
    const byAdmin = await api<string>(`${PATH}?provider_id=${provider.id}&state=available`, { token: admin });
    expect(rows(byAdmin.body)).toHaveLength(150);
    const unnamed = await api<ErrorBody>(PATH, { token: admin });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.fields?.provider_id).toBeDefined();
    const client = await makeClient('none');
    expect((await api<ErrorBody>(PATH, { token: client.token })).status).toBe(403);
    const bad = await api<ErrorBody>(`${PATH}?state=stolen&from=yesterday`, { token: provider.token });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['from', 'state']);
  });
});
