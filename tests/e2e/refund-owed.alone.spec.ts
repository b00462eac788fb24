import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { BOOKING_URL, DEMO_PASSWORD, SignInPage, cancelThroughDialog, completeQuestionnaire, demo, expectBookingConfirmed, fillCard, openBookableClass, payButton, registerClient } from './fixtures';

/**
 * A refund a cancellation owes, when Stripe fails: the client's cancellation
 * stands, the admin's payments page lists the refund as owed and retrying,
 * and it leaves the list once the worker has made it.
 */
test.describe('refund owed after a cancellation', () => {
  test.describe.configure({ timeout: 150_000 });

  test('the admin sees "Refund owed — retrying" until the worker refunds the card', async ({ page, browser }) => {
    const admin = await browser.newPage();
    try {
      await new SignInPage(admin).open('/admin/payments');
      await new SignInPage(admin).signIn(demo.admin.email, DEMO_PASSWORD);
      await expect(admin).toHaveURL(/\/admin\/payments$/);

      const clientName = `Owen Owed ${randomUUID().slice(0, 6)}`;
      await registerClient(page, clientName, 'owed');
      await completeQuestionnaire(page);
      // The furthest class: well outside the cancellation window, so the refund is owed in full.
      await openBookableClass(page, { price: 'priced', which: 'latest' });
      await page.getByRole('button', { name: 'Book this class' }).click();
      await expect(page).toHaveURL(BOOKING_URL);
      const id = BOOKING_URL.exec(new URL(page.url()).pathname)?.[1] ?? '';
      await page.getByRole('link', { name: 'Pay now' }).click();
      await fillCard(page, '4242 4242 4242 4242');
      await payButton(page).click();
      await expectBookingConfirmed(page, id);

      // Stripe answers 500 to the immediate refund (with the SDK's retries) and to the worker's first two tries.
      const failing = await fetch(`${process.env.E2E_STRIPE_URL}/_emulator/fail-next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: '500', count: 9 }) });
      expect(failing.ok).toBe(true);
      await cancelThroughDialog(page, 'full refund', 'Plans changed.');

      await admin.reload();
      const owed = admin.getByTestId('owed-refund').filter({ hasText: clientName });
      await expect(owed).toContainText('Refund owed — retrying');
      await expect(owed).toContainText(/\d+ attempts?/);
      await expect(owed).toContainText('unknown error');
      // Its payment row says so too.
      await expect(admin.locator('table tbody tr').filter({ hasText: clientName }).getByTestId('refund-owed')).toBeVisible();

      // The worker's backoff retry gets through; the refund leaves the list.
      await expect(async () => {
        await admin.reload();
        await expect(admin.getByTestId('owed-refund').filter({ hasText: clientName })).toHaveCount(0, { timeout: 1_000 });
      }).toPass({ timeout: 45_000 });
      await expect(admin.locator('table tbody tr').filter({ hasText: clientName }).getByTestId('payment-status')).toHaveText(/Refunded/);
    } finally {
      await admin.close();
    }
  });
});
