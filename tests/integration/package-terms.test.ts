import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '@/lib/time';
import {
  adminToken,
  api,
  createPackageAsAdmin,
  emulatorControl,
  emulatorStripe,
  makeClass,
  makeClient,
  purchaseRow,
  startPurchase,
  waitForCredit,
  type PackageBody,
} from './fixtures';

afterEach(async () => {
  await emulatorControl('/chaos/clear', {});
});

describe('a package purchase keeps the terms it was started with', () => {
  it('an admin edits count, validity and scope after the client paid but before the webhook: the credit has the original terms', async () => {
    const pkg = await createPackageAsAdmin({ class_count: 5, validity_days: 365 });
    const client = await makeClient();
    const start = await startPurchase(pkg.id, client);
    expect(await purchaseRow(start.purchase_id)).toMatchObject({ class_count: 5, validity_days: 365, class_scope: 'all', class_ids: [] });

    // The client pays; the payment's events reach the app only after the admin's edit.
    await emulatorControl('/chaos', { mode: 'delay', count: 10, delayMs: 5_000 });
    const paidAt = Date.now();
    const confirmed = await emulatorStripe().paymentIntents.confirm(start.payment_intent_id, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');

    const classId = await makeClass({ capacity: 5 });
    const edited = await api<PackageBody>(`/api/v1/packages/${pkg.id}`, {
      method: 'PATCH',
      json: { class_count: 2, validity_days: 7, scope: { classes: 'selected', class_ids: [classId], session_type_ids: [] } },
      token: await adminToken(),
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ class_count: 2, validity_days: 7, scope: { classes: 'selected', class_ids: [classId] } });

    // The money was taken on the old terms; the credit the webhook grants is on them too.
    const credit = await waitForCredit(start.purchase_id);
    expect(credit).toMatchObject({ total_uses: 5, remaining_uses: 5, class_scope: 'all', class_ids: [], session_type_ids: [], amount_paid: 10_000 });
    const expiresAt = (credit.expires_at as Date).getTime();
    expect(Math.abs(expiresAt - (paidAt + 365 * DAY_MS))).toBeLessThan(2 * DAY_MS);

    // What the client is shown of the purchase says the same.
    const view = await api<{ purchase: { package: { class_count: number } } }>(`/api/v1/packages/purchases/${start.purchase_id}`, { token: client.token });
    expect(view.body.purchase.package.class_count).toBe(5);

    // The next purchase is on the new terms.
    const next = await startPurchase(pkg.id, client);
    expect(await purchaseRow(next.purchase_id)).toMatchObject({ class_count: 2, validity_days: 7, class_scope: 'selected', class_ids: [classId] });
  });
});
