import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BOOKING_URL, completeQuestionnaire, payButton, registerClient } from './fixtures';

// The browser reads times in New York; the studio is in London.
test.use({ timezoneId: 'America/New_York' });

/**
 * Booking and paying by keyboard alone (issue 13, point 8): from the schedule
 * to a confirmed, paid booking with Tab, Enter, Space and typing; no clicks.
 * The set-up (a new client with a questionnaire) uses the ordinary helpers.
 */

/** Presses Tab until `target` has the focus; fails naming it after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 250): Promise<number> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${max} Tab presses did not reach ${target.toString()}`);
}

test('a client books a class and pays by card with the keyboard alone', async ({ page }) => {
  test.setTimeout(150_000);
  await registerClient(page, `Kim Keys ${randomUUID().slice(0, 6)}`, 'keys');
  await completeQuestionnaire(page);

  // The schedule: a priced class with plenty of seats.
  await page.goto('/schedule');
  const bookable = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /^Book / }) })
    .filter({ hasText: /£\d+\.\d{2}/ })
    .filter({ hasText: /(?:^|\D)\d{2,} seats left/ })
    .first();
  // The class's own title: its card's only heading.
  const title = (await bookable.getByRole('heading').textContent())?.trim() ?? '';
  await tabTo(page, bookable.getByRole('link', { name: /^Book / }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The class page: book it (by card: the client has no credit).
  await tabTo(page, page.getByRole('button', { name: 'Book this class' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(BOOKING_URL);
  const id = BOOKING_URL.exec(new URL(page.url()).pathname)?.[1] ?? '';

  // The booking awaiting payment: on to the checkout.
  await tabTo(page, page.getByRole('link', { name: 'Pay now' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Pay for your booking' })).toBeVisible();
  await expect(payButton(page)).toBeEnabled();

  // The card form, field by field.
  await tabTo(page, page.getByLabel('Card number'));
  await page.keyboard.type('4242424242424242');
  await tabTo(page, page.getByLabel('Expiry date'), 5);
  await page.keyboard.type('1234');
  await tabTo(page, page.getByLabel('Security code'), 5);
  await page.keyboard.type('123');
  const postal = page.getByLabel('Postal code');
  if (await postal.isVisible()) {
    await tabTo(page, postal, 5);
    await page.keyboard.type('SW1A 1AA');
  }
  await tabTo(page, payButton(page), 20);
  await page.keyboard.press('Enter');

  // The result page waits for the webhook; then the booking is confirmed and paid.
  await expect(page.getByTestId('payment-outcome')).toHaveText('Payment received — your booking is confirmed', { timeout: 30_000 });
  await tabTo(page, page.getByRole('link', { name: 'View your booking' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/account/bookings/${id}$`));
  await expect(page.getByTestId('booking-summary').getByTestId('booking-status')).toHaveText('Confirmed');
  const res = await page.request.get(`/api/v1/bookings/${id}`);
  expect(((await res.json()) as { booking: { payment_status: string } }).booking.payment_status).toBe('paid');
});
