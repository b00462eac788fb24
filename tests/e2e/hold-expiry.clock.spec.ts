import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { bookLatestPricedClass, completeQuestionnaire, registerClient } from './fixtures';

/**
 * An expired hold (issue 13), seen by moving the app's clock. The 'clock'
 * project runs this after every other spec (playwright.config.ts): the shifted
 * clock would expire the holds of any test running beside it.
 */

test.use({ timezoneId: 'America/New_York' });
test.describe.configure({ timeout: 150_000 });

async function setClock(page: Page, offsetMs: number): Promise<void> {
  const res = await page.request.post('/api/test/clock', { data: { offset_ms: offsetMs } });
  expect(res.ok()).toBe(true);
}

test('an expired hold says so and offers Book again while the seat is free', async ({ page }) => {
  await registerClient(page, `Pia Pages ${randomUUID().slice(0, 6)}`, 'expired');
  await completeQuestionnaire(page);
  const booking = await bookLatestPricedClass(page);
  // The hold lasts 15 minutes: move the app's clock past it, then put it back.
  try {
    await setClock(page, 20 * 60_000);
    await page.reload();
    const expired = page.getByTestId('hold-expired');
    await expect(expired).toContainText('Your hold expired');
    await expect(expired).toContainText('Nothing was charged.');
    await expect(expired.getByRole('link', { name: 'Book again' })).toHaveAttribute('href', booking.classPath);
    const summary = page.getByTestId('booking-summary');
    await expect(summary.getByTestId('booking-status')).toHaveText('Expired');
    await expect(summary).toContainText('Nothing was paid');
    await expect(page.getByText('Amount due')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Pay now' })).toHaveCount(0);
  } finally {
    await setClock(page, 0);
  }
});
