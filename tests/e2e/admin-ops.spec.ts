import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SignInPage, demo } from './fixtures';

/** The pages an admin runs the practice from; nobody else may open them. */
const OPS_PAGES = ['/admin', '/admin/analytics', '/admin/users', '/admin/settings', '/admin/webhooks', '/admin/audit'];

for (const role of ['client', 'provider'] as const) {
  test(`a ${role} is refused every admin operations page`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(demo[role].email, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${demo[role].area}$`));
    for (const path of OPS_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
    }
  });
}

test('the admin backfills missed webhook events, and the audit log and dashboard show it', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(demo.admin.email, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Admin dashboard' })).toBeVisible();
  await expect(page.getByTestId('dashboard-today')).toContainText('Revenue (net of refunds)');
  await expect(page.getByTestId('attention').or(page.getByTestId('attention-clear'))).toBeVisible();

  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  const backfill = page.getByRole('form', { name: 'Backfill events from Stripe' });
  await backfill.getByLabel('Events created in').selectOption({ label: 'the last hour' });
  await backfill.getByRole('button', { name: 'Backfill missed events' }).click();
  await expect(page.getByTestId('backfill-result')).toContainText(/Stripe listed \d+/);

  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Kind of change').selectOption({ label: 'Webhooks' });
  await page.getByRole('search', { name: 'Filter the audit log' }).getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=webhook\./);
  await expect(page.getByTestId('audit-row').first()).toContainText('webhook.backfilled');
  await expect(page.getByTestId('audit-row').first()).toContainText('Aly Admin (admin)');
});
