import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { BOOKING_URL, DEMO_PASSWORD, SignInPage, cancelThroughDialog, completeQuestionnaire, demo, fillCard, openBookableClass, payButton, registerClient } from './fixtures';

// The browser reads times in New York; the studio is in London.
test.use({ timezoneId: 'America/New_York' });

/**
 * The confirmation dialogs: a client cancels without giving a reason; an
 * admin refunding part of a class pass is told, before confirming, how many
 * uses the refund revokes, and the refund then revokes exactly that many.
 * On the way, the tables of payments stack into cards on a phone and the
 * admin's credit history fits a 1280 px screen.
 */

async function expectCards(page: Page, rows: ReturnType<Page['locator']>): Promise<void> {
  await expect(rows.first()).toBeVisible();
  // A card, not a table row: the row is laid out as a box of its own and its cells stack.
  expect(await rows.first().evaluate((row) => getComputedStyle(row).display)).not.toBe('table-row');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test.describe('dialogs', () => {
  test.describe.configure({ timeout: 150_000 });

  test('a client cancels a booking without giving a reason', async ({ page }) => {
    await registerClient(page, `Nora Noreason ${randomUUID().slice(0, 6)}`, 'noreason');
    await completeQuestionnaire(page);
    await openBookableClass(page, { price: 'free' });
    await page.getByRole('button', { name: 'Book this class' }).click();
    await expect(page).toHaveURL(BOOKING_URL);
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await expect(page.getByRole('alertdialog').getByLabel('Reason for cancelling (optional)')).toBeEmpty();
    await page.getByRole('button', { name: 'Keep booking' }).click();
    await cancelThroughDialog(page, 'full refund');
    await expect(page.getByTestId('booking-summary')).not.toContainText('Reason:');
  });

  test('a partial refund of a class pass says how many uses it revokes, and revokes that many', async ({ page, browser }) => {
    const clientName = `Rita Refund ${randomUUID().slice(0, 6)}`;
    await registerClient(page, clientName, 'refundpass');
    await page.goto('/packages');
    const pass = page.getByTestId('package-card').filter({ has: page.getByText('5 Class Pass', { exact: true }) });
    await pass.getByRole('link', { name: 'Buy 5 Class Pass' }).click();
    await fillCard(page, '4242 4242 4242 4242');
    await payButton(page).click();
    await expect(page.getByTestId('purchase-outcome')).toHaveText('5 classes added', { timeout: 30_000 });
    const mine = (await (await page.request.get('/api/v1/payments')).json()) as { payments: { id: string; amount: { amount: number } }[] };
    const payment = mine.payments[0]!;
    expect(payment.id).toMatch(/^pi_/);

    // The client's payments on a phone: one card a payment, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/account/payments');
    await expectCards(page, page.getByTestId('payment-row'));

    const admin = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await new SignInPage(admin).open(`/admin/payments`);
      await new SignInPage(admin).signIn(demo.admin.email, DEMO_PASSWORD);
      await expect(admin).toHaveURL(/\/admin\/payments$/);
      await expectCards(admin, admin.locator('table tbody tr'));

      await admin.setViewportSize({ width: 1280, height: 800 });
      await admin.goto(`/admin/payments/${payment.id}`);
      await admin.getByRole('button', { name: 'Refund…' }).click();
      const dialog = admin.getByRole('alertdialog');
      // Everything that remains takes back every use; two fifths of the price, two of the five.
      await expect(dialog.getByTestId('refund-revokes')).toHaveText('This refund will revoke 5 uses of the class pass.');
      const twoFifths = Math.floor((payment.amount.amount * 2) / 5);
      await dialog.getByLabel(/Amount/).fill((twoFifths / 100).toFixed(2));
      await expect(dialog.getByTestId('refund-revokes')).toHaveText('This refund will revoke 2 uses of the class pass.');
      await dialog.getByLabel('Reason').fill('Moved away after two classes.');
      await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
      await expect(dialog).toBeHidden();

      // The refund's webhook revokes what the dialog said: 3 of the 5 uses are left.
      await admin.goto('/admin/credits');
      const clientCredits = await admin.getByRole('link', { name: clientName }).getAttribute('href');
      await admin.goto(clientCredits!);
      await expect(async () => {
        await admin.reload();
        await expect(admin.getByTestId('credits-total')).toHaveText('3', { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      // The credit history is not cut off at 1280 px.
      const ledger = admin.getByTestId('credit-ledger');
      await expect(ledger).toBeVisible();
      expect(await ledger.evaluate((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth)).toBe(true);
    } finally {
      await admin.close();
    }
  });
});
