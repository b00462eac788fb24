import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { bookLatestPricedClass, completeQuestionnaire, fillCard, openBookableClass, payButton, registerClient } from './fixtures';

/**
 * The client's booking pages (issue 13, points 3 and 4): what is paid and what
 * is due never confused, the confirmation's what/when/where/with whom, the
 * cancellation deadline as a date before and after booking, an expired hold
 * offering "Book again", and what a credit covers. The browser is in New
 * York, the studio in London.
 */

test.use({ timezoneId: 'America/New_York' });
test.describe.configure({ timeout: 150_000 });

/** "Free cancellation until Tue 8 Dec 2026, 10:00 …": a weekday, a date with its year, a time. */
const DEADLINE = /^Free cancellation until \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/;
/** "1 Dec 2027": a date with its year. */
const DATE_WITH_YEAR = /\b\d{1,2} \w{3} \d{4}\b/;

async function newClient(page: Page, tag: string): Promise<void> {
  await registerClient(page, `Pia Pages ${randomUUID().slice(0, 6)}`, tag);
  await completeQuestionnaire(page);
}

test('before booking, the class page shows the cancellation deadline as a date and that no credit covers it', async ({ page }) => {
  await newClient(page, 'policy');
  await openBookableClass(page, { price: 'priced', which: 'latest' });
  await expect(page.getByTestId('cancellation-deadline')).toHaveText(DEADLINE);
  await expect(page.getByTestId('cancellation-deadline')).toContainText('24 hours before the start');
  await expect(page.getByTestId('credit-cover')).toHaveText(/^You have no class credits\./);
});

test('a paid booking shows what was paid, how, when and the receipt; the confirmation says what, when, where, with whom and until when it cancels for free', async ({ page }) => {
  await newClient(page, 'paid');
  const booking = await bookLatestPricedClass(page);
  // Awaiting payment: what is due, and only that.
  await expect(page.getByTestId('amount-due')).toHaveText(booking.price);

  await page.getByRole('link', { name: 'Pay now' }).click();
  await expect(payButton(page)).toBeEnabled();
  await fillCard(page, '4242 4242 4242 4242');
  await payButton(page).click();
  await expect(page.getByTestId('payment-outcome')).toHaveText('Payment received — your booking is confirmed', { timeout: 30_000 });

  // The confirmation after paying.
  const confirmation = page.getByTestId('booking-confirmation');
  await expect(confirmation).toContainText(booking.title);
  await expect(confirmation.getByTestId('confirmation-when')).toHaveText(/\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
  await expect(confirmation.getByTestId('confirmation-where')).not.toBeEmpty();
  await expect(confirmation.getByTestId('confirmation-with')).toHaveText(/^(Maya Patel|Tom Okafor|Sam \w+)/);
  await expect(confirmation.getByTestId('cancellation-deadline')).toHaveText(DEADLINE);
  await expect(confirmation.getByRole('link', { name: 'Add to calendar' })).toHaveAttribute('href', `/api/v1/bookings/${booking.id}/calendar.ics`);
  await expect(confirmation.getByRole('link', { name: 'Receipt' })).toHaveAttribute('href', `/account/bookings/${booking.id}/receipt`);

  // The booking page: paid, by card, on a date, with the receipt; nothing "due" any more.
  await page.getByRole('link', { name: 'View your booking' }).click();
  await expect(page).toHaveURL(new RegExp(`/account/bookings/${booking.id}$`));
  const summary = page.getByTestId('booking-summary');
  await expect(summary.getByTestId('booking-status')).toHaveText('Confirmed');
  const paid = summary.getByTestId('paid-line');
  await expect(paid).toContainText(`Paid ${booking.price} by card (Visa •••• 4242) on`);
  await expect(paid).toHaveText(DATE_WITH_YEAR);
  await expect(page.getByText('Amount due')).toHaveCount(0);
  await expect(page.getByTestId('amount-due')).toHaveCount(0);
  await expect(page.getByTestId('booking-confirmation').getByTestId('cancellation-deadline')).toHaveText(DEADLINE);
  const calendar = await page.request.get(`/api/v1/bookings/${booking.id}/calendar.ics`);
  expect(calendar.ok()).toBe(true);
  expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

  // The receipt opens in the app, not on the card processor's host.
  await paid.getByRole('link', { name: 'Receipt' }).click();
  await expect(page).toHaveURL(/\/account\/payments\/pi_[^/]+\/receipt$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Receipt' })).toBeVisible();
  await expect(page.getByTestId('receipt-amount')).toHaveText(booking.price);
  await expect(page.getByTestId('receipt')).toContainText(booking.title);
  await expect(page.getByTestId('receipt')).toContainText('Visa •••• 4242');
});

test('the credits page shows each pass’s expiry with its year and what it covers; the class page says the credit covers it', async ({ page }) => {
  await newClient(page, 'cover');
  await page.goto('/packages');
  const pass = page.getByTestId('package-card').filter({ has: page.getByText('5 Class Pass', { exact: true }) });
  await expect(pass.getByTestId('package-coverage')).toHaveText('All classes');
  await pass.getByRole('link', { name: 'Buy 5 Class Pass' }).click();
  await expect(payButton(page)).toBeEnabled();
  await fillCard(page, '4242 4242 4242 4242');
  await payButton(page).click();
  await expect(page.getByTestId('purchase-outcome')).toHaveText('5 classes added', { timeout: 30_000 });

  await page.goto('/account/credits');
  const credit = page.getByTestId('credit').first();
  await expect(credit.getByTestId('credit-expiry')).toHaveText(/^\d{1,2} \w{3} \d{4}$/);
  await expect(credit.getByTestId('credit-coverage')).toHaveText('All classes');

  await page.goto('/account');
  await expect(page.getByTestId('account-credits')).toHaveText(/^5 classes left; the next expires \d{1,2} \w{3} \d{4}\.$/);

  await openBookableClass(page, { price: 'priced', which: 'latest' });
  await expect(page.getByTestId('credit-cover')).toHaveText('Your 5 Class Pass covers this class: 5 uses left');
});
