import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, SignInPage, cancelThroughDialog, completeQuestionnaire, demo, fillCard, openBookableClass, payButton, registerClient, signOut } from './fixtures';

/**
 * Class passes and credits end to end, against the offline Stripe emulator:
 * buying a pass with the real Payment Element, the webhook granting the
 * credit, booking with it, and getting the class back on an in-time cancel;
 * then an admin's side: a new pass on sale, and a credit adjusted with a reason.
 */

const BOOKING_URL = /\/account\/bookings\/([0-9a-f-]{36})$/;
const PURCHASE_URL = /\/account\/credits\/purchases\/[0-9a-f-]{36}\?payment_intent=pi_/;

async function expectCreditsTotal(page: Page, total: number): Promise<void> {
  await page.goto('/account/credits');
  await expect(page.getByRole('heading', { level: 1, name: 'Class credits' })).toBeVisible();
  await expect(page.getByTestId('credits-total')).toHaveText(String(total));
}

test.describe('class passes and credits', () => {
  test.describe.configure({ timeout: 150_000 });

  test('a new client buys the 5 Class Pass, books with a credit, cancels in time and gets the class back', async ({ page }) => {
    await registerClient(page, `Cara Credit ${randomUUID().slice(0, 6)}`, 'credit');
    await completeQuestionnaire(page);
    await page.goto('/account/credits');
    await expect(page.getByText('No class credits yet')).toBeVisible();

    // Buy the pass with 4242; the result page waits for the webhook's credit.
    await page.goto('/packages');
    const pass = page.getByTestId('package-card').filter({ has: page.getByText('5 Class Pass', { exact: true }) });
    await expect(pass.getByTestId('package-price-per-class')).toHaveText(/^£\d+\.\d{2}$/);
    const price = (await pass.getByTestId('package-price').textContent())?.trim() ?? '';
    await pass.getByRole('link', { name: 'Buy 5 Class Pass' }).click();
    await expect(page).toHaveURL(/\/packages\/[0-9a-f-]{36}\/buy$/);
    await expect(page.getByTestId('checkout-amount')).toHaveText(price);
    await expect(payButton(page)).toBeEnabled();
    await fillCard(page, '4242 4242 4242 4242');
    await payButton(page).click();
    await expect(page).toHaveURL(PURCHASE_URL);
    await expect(page.getByTestId('purchase-outcome')).toHaveText('5 classes added', { timeout: 30_000 });
    await expectCreditsTotal(page, 5);
    await expect(page.getByTestId('credit').first().getByTestId('credit-remaining')).toHaveText('5 of 5');

    // Book a class more than 24 hours away (the latest priced one) with a credit: confirmed at once.
    await openBookableClass(page, { price: 'priced', which: 'latest' });
    const useCredit = page.getByRole('radio', { name: /^Use a credit \(5 left, next expires / });
    await expect(useCredit).toBeChecked();
    await expect(page.getByRole('radio', { name: /^Pay by card £\d+\.\d{2}$/ })).not.toBeChecked();
    await page.getByRole('button', { name: 'Book this class' }).click();
    await expect(page).toHaveURL(BOOKING_URL);
    const bookingUrl = page.url();
    const summary = page.getByTestId('booking-summary');
    await expect(summary.getByTestId('booking-status')).toHaveText('Confirmed');
    await expect(summary.getByTestId('paid-line')).toHaveText('Paid with 1 credit from 5 Class Pass');
    await expect(page.getByTestId('credit-payment')).toContainText('Paid with a class credit');
    await expect(page.getByRole('link', { name: 'Pay now' })).toHaveCount(0);
    await expectCreditsTotal(page, 4);
    const ledger = page.getByTestId('credit').first().getByTestId('credit-ledger');
    await page.getByTestId('credit').first().getByText('History', { exact: true }).click();
    await expect(ledger.getByTestId('credit-entry').first()).toContainText('Used');
    await expect(ledger.getByTestId('credit-entry').first().getByTestId('credit-entry-delta')).toHaveText('-1');

    // Cancel in time: the class goes back to the credit.
    await page.goto(bookingUrl);
    await cancelThroughDialog(page, 'You will get the class credit back.', 'Plans changed.');
    await expect(page.getByTestId('credit-returned')).toBeVisible();
    await expect(page.getByTestId('refund-due')).toHaveText('You get the class back on the credit.');
    await expectCreditsTotal(page, 5);
    await page.getByTestId('credit').first().getByText('History', { exact: true }).click();
    await expect(page.getByTestId('credit').first().getByTestId('credit-entry').first()).toContainText('Given back');
  });

  test('an admin puts a new pass on sale and adjusts a client’s credit with a reason', async ({ page }) => {
    const suffix = randomUUID().slice(0, 6);
    const clientName = `Adi Adjusted ${suffix}`;
    await registerClient(page, clientName, 'adjust');
    await signOut(page, clientName);

    await new SignInPage(page).open('/admin/packages');
    await new SignInPage(page).signIn(demo.admin.email, DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Packages' })).toBeVisible();

    // A new pass: 8 classes for £60.00 is £7.50 a class.
    const name = `Test Pass ${suffix}`;
    const form = page.getByRole('form', { name: 'New package' });
    await form.getByRole('button', { name: 'Create package' }).click();
    await expect(form.getByText('Please fix the fields marked below.')).toBeVisible();
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Classes', { exact: true }).fill('8');
    await form.getByLabel('Price', { exact: true }).fill('60.00');
    await form.getByLabel('Valid for (days)').fill('60');
    await form.getByRole('button', { name: 'Create package' }).click();
    await expect(page.getByTestId('admin-package').filter({ hasText: name })).toBeVisible();
    await page.goto('/packages');
    const card = page.getByTestId('package-card').filter({ has: page.getByText(name, { exact: true }) });
    await expect(card.getByTestId('package-price')).toHaveText('£60.00');
    await expect(card.getByTestId('package-price-per-class')).toHaveText('£7.50');

    // Find the client, grant a credit, then take one class away: asked to confirm first.
    await page.goto('/admin/credits');
    await page.getByLabel('Search', { exact: true }).fill(clientName);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: clientName }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Credits of ${clientName}` })).toBeVisible();
    const grant = page.getByRole('form', { name: 'Grant credits' });
    await grant.getByLabel('Classes').fill('3');
    await grant.getByLabel('Reason').fill('Welcome gift');
    await grant.getByRole('button', { name: 'Grant credits' }).click();
    await expect(grant.getByRole('status')).toHaveText(/Granted Complimentary credit: 3 classes\./);
    const credit = page.getByTestId('credit').first();
    await expect(credit.getByTestId('credit-remaining')).toHaveText('3 of 3');

    const adjust = credit.getByRole('form', { name: /^Adjust / });
    await adjust.getByLabel('Classes (+ to add, − to take away)').fill('-1');
    await adjust.getByRole('button', { name: 'Adjust' }).click();
    await expect(adjust.getByText('Give a reason: it is kept in the credit’s history.')).toBeVisible();
    const reason = `Duplicate grant corrected ${suffix}`;
    await adjust.getByLabel('Reason').fill(reason);
    await adjust.getByRole('button', { name: 'Adjust' }).click();
    const confirm = credit.getByTestId('adjust-confirm');
    await expect(confirm).toContainText(`Take 1 class away from ${clientName}`);
    await expect(credit.getByTestId('credit-remaining')).toHaveText('3 of 3');
    await confirm.getByRole('button', { name: 'Yes, take 1 class away' }).click();
    await expect(credit.getByTestId('credit-remaining')).toHaveText('2 of 3');
    const entry = credit.getByTestId('credit-entry').filter({ hasText: reason });
    await expect(entry).toContainText('Adjusted');
    await expect(entry.getByTestId('credit-entry-delta')).toHaveText('-1');
    await expect(entry).toContainText(demo.admin.name);
    await expect(page.getByTestId('credits-total')).toHaveText('2');
  });

  test('a credit granted by an admin pays for a class at once, and a late choice of card still works', async ({ page, browser }) => {
    const suffix = randomUUID().slice(0, 6);
    const clientName = `Gus Granted ${suffix}`;
    await registerClient(page, clientName, 'grant');
    await completeQuestionnaire(page);

    const admin = await browser.newPage();
    try {
      await new SignInPage(admin).open(`/admin/credits?search=${encodeURIComponent(clientName)}`);
      await new SignInPage(admin).signIn(demo.admin.email, DEMO_PASSWORD);
      await admin.getByRole('link', { name: clientName }).click();
      const grant = admin.getByRole('form', { name: 'Grant credits' });
      await grant.getByLabel('Classes').fill('2');
      await grant.getByLabel('Reason').fill('Welcome gift');
      await grant.getByRole('button', { name: 'Grant credits' }).click();
      await expect(admin.getByTestId('credit').first().getByTestId('credit-remaining')).toHaveText('2 of 2');
    } finally {
      await admin.close();
    }

    await expectCreditsTotal(page, 2);
    await expect(page.getByTestId('credit').first()).toContainText('Given by the studio');

    // Choosing the card leaves the booking awaiting payment; its pay page offers the credit instead.
    await openBookableClass(page, { price: 'priced', which: 'latest' });
    await page.getByRole('radio', { name: /^Pay by card / }).check();
    await page.getByRole('button', { name: 'Book this class' }).click();
    await expect(page).toHaveURL(BOOKING_URL);
    const summary = page.getByTestId('booking-summary');
    await expect(summary.getByTestId('booking-status')).toContainText('Awaiting payment');
    await page.getByRole('link', { name: 'Pay now' }).click();
    await expect(page).toHaveURL(/\/pay$/);
    await page.getByRole('button', { name: 'Use a credit instead' }).click();
    await expect(page).toHaveURL(BOOKING_URL);
    await expect(summary.getByTestId('booking-status')).toHaveText('Confirmed');
    await expect(page.getByTestId('credit-payment')).toBeVisible();
    await expectCreditsTotal(page, 1);
  });
});
