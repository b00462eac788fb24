import { describe, expect, it } from 'vitest';
import {
  adminUser,
  api,
  bookPricedClass,
  createKey,
  createPackageAsAdmin,
  grantCredit,
  makeClient,
  payAndConfirm,
  testSql,
} from './fixtures';

interface Entry {
  action: string;
  actor: { id: string; role: string } | null;
  subject_type: string;
  subject_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string;
}

async function entriesFor(token: string, query: string): Promise<Entry[]> {
  const res = await api<{ entries: Entry[]; total: number }>(`/api/v1/audit?${query}`, { token });
  expect(res.status).toBe(200);
  return res.body.entries;
}

describe('the audit log', () => {
  it('records refunds, credit grants and adjustments, package edits and API keys, with who and what before and after', async () => {
    const admin = await adminUser();
    const since = new Date(Date.now() - 1000).toISOString();

    const { client, bookingId, payment } = await bookPricedClass(2000);
    await payAndConfirm(bookingId, payment, client.token);
    const refund = await api(`/api/v1/payments/${payment.payment_intent_id}/refund`, { json: { amount: 500, reason: 'Late start' }, token: admin.token });
    expect(refund.status).toBe(201);

    const other = await makeClient();
    const credit = await grantCredit(other.id, { uses: 3, reason: 'Goodwill' });
    const adjusted = await api(`/api/v1/credits/${credit.id}/adjust`, { json: { delta: -1, reason: 'Used at the desk' }, token: admin.token });
    expect(adjusted.status).toBe(200);

    const pkg = await createPackageAsAdmin();
    const edited = await api(`/api/v1/packages/${pkg.id}`, { method: 'PATCH', json: { class_count: 4 }, token: admin.token });
    expect(edited.status).toBe(200);

    const key = await createKey();
    expect((await api(`/api/v1/api-keys/${key.api_key.id}/revoke`, { method: 'POST', token: admin.token })).status).toBe(200);

    const entries = await entriesFor(admin.token, `from=${encodeURIComponent(since)}&page_size=100`);
    const find = (action: string, subject: string) => entries.find((e) => e.action === action && e.subject_id === subject);

    expect(find('payment.refunded', payment.payment_intent_id)).toMatchObject({
      actor: { id: admin.id, role: 'admin' },
      subject_type: 'payment',
      before: { status: 'succeeded', refunded: 0 },
      after: { amount: 500, currency: 'gbp' },
      note: 'Late start',
    });
    expect(find('credit.granted', credit.id)).toMatchObject({ actor: { id: admin.id }, after: { client_id: other.id, uses: 3 }, note: 'Goodwill' });
    expect(find('credit.adjusted', credit.id)).toMatchObject({ before: { remaining_uses: 3 }, after: { remaining_uses: 2, delta: -1 }, note: 'Used at the desk' });
    expect(find('package.created', pkg.id)).toBeDefined();
    expect(find('package.changed', pkg.id)).toMatchObject({ before: { class_count: 5 }, after: { class_count: 4 } });
    expect(find('api_key.created', key.api_key.id)).toMatchObject({ actor: { id: admin.id } });
    expect(find('api_key.revoked', key.api_key.id)).toMatchObject({ before: { revoked: false }, after: { revoked: true } });

    // Filters: an action prefix and an actor.
    const creditOnly = await entriesFor(admin.token, `action=credit.&from=${encodeURIComponent(since)}&page_size=100`);
    expect(creditOnly.length).toBeGreaterThanOrEqual(2);
    expect(creditOnly.every((e) => e.action.startsWith('credit.'))).toBe(true);
    const byAdmin = await entriesFor(admin.token, `actor=${admin.id}&from=${encodeURIComponent(since)}&page_size=100`);
    expect(byAdmin.every((e) => e.actor?.id === admin.id)).toBe(true);
    expect(byAdmin.length).toBeGreaterThanOrEqual(7);
    expect((await api('/api/v1/audit?action=x&page=0', { token: admin.token })).status).toBe(400);
  });

  it('is append-only: the database refuses to change or remove an entry', async () => {
    const key = await createKey();
    const [row] = await testSql()`select id from audit_log where subject_id = ${key.api_key.id}`;
    expect(row).toBeDefined();
    await expect(testSql()`update audit_log set note = 'changed' where id = ${row!.id}`).rejects.toThrow(/append-only|not allowed|insufficient/i);
    await expect(testSql()`delete from audit_log where id = ${row!.id}`).rejects.toThrow(/append-only|not allowed|insufficient/i);
    const [still] = await testSql()`select note from audit_log where id = ${row!.id}`;
    expect(still?.note).toBe('');
  });
});
