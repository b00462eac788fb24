import { expect, test } from '@playwright/test';
import { signInAs } from './pages';

/**
 * What a newcomer meets after `npm start` (db/seed-clients.ts, README's demo logins): Alice has a
 * valid questionnaire, sessions coming up and a 5 Class Pass; Dan has nothing yet and is told what to do.
 * Read-only: other specs see the same demo clients.
 */

test('the demo client Alice has a valid questionnaire, sessions coming up and a 5 Class Pass', async ({ page }) => {
  await signInAs(page, 'alice@wellbook.test');

  await page.goto('/account/questionnaire');
  await expect(page.getByText(/Valid until/).first()).toBeVisible();

  await page.goto('/account/bookings');
  await expect(page.getByText('Nothing booked ahead.')).toHaveCount(0);
  await expect(page.locator('main a[href^="/account/bookings/"]').first()).toBeVisible();

  await page.goto('/account/credits');
  await expect(page.getByText('No class credits yet')).toHaveCount(0);
  await expect(page.getByText('5 Class Pass').first()).toBeVisible();
});

test('the demo client Dan has no questionnaire, bookings or credits, and each page says what to do', async ({ page }) => {
  await signInAs(page, 'dan@wellbook.test');

  await page.goto('/account/questionnaire');
  await expect(page.getByText(/You have not completed the questionnaire yet/)).toBeVisible();

  await page.goto('/account/bookings');
  await expect(page.getByText('Nothing booked ahead.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'See the schedule' })).toBeVisible();

  await page.goto('/account/credits');
  await expect(page.getByText('No class credits yet')).toBeVisible();
});
