import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, SignInPage, demo } from './fixtures';

/** An admin changes a user's role and deactivates them on /admin/users, and edits a setting on /admin/settings. */

async function signInAsAdmin(page: Page): Promise<void> {
  await new SignInPage(page).open('/admin');
  await new SignInPage(page).signIn(demo.admin.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
}

test('an admin makes a client a practitioner, then deactivates and reactivates them', async ({ page }) => {
  const email = `roles-${randomUUID().slice(0, 8)}@example.test`;
  const reg = await page.request.post('/api/v1/auth/register', { data: { email, password: 'a-long-enough-password', name: 'Rory Roles' } });
  expect(reg.status()).toBe(201);
  await signInAsAdmin(page);
  await page.goto(`/admin/users?search=${encodeURIComponent(email)}`);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: 'Change role' }).click();
  const roleDialog = page.getByRole('alertdialog', { name: 'Change Rory Roles’s role' });
  await roleDialog.getByLabel('New role').selectOption('provider');
  await roleDialog.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByText('Rory Roles is now a practitioner.')).toBeVisible();
  await expect(row.getByText('Practitioner', { exact: true })).toBeVisible();

  await row.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('alertdialog', { name: 'Deactivate Rory Roles?' }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByText('Rory Roles is deactivated and signed out everywhere.')).toBeVisible();
  await expect(row.getByText('Deactivated', { exact: true })).toBeVisible();

  await row.getByRole('button', { name: 'Reactivate' }).click();
  await page.getByRole('alertdialog', { name: 'Reactivate Rory Roles?' }).getByRole('button', { name: 'Reactivate' }).click();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();

  // The admin's own row offers no role change or deactivation.
  await page.goto(`/admin/users?search=${encodeURIComponent(demo.admin.email)}`);
  const own = page.getByRole('row').filter({ hasText: demo.admin.email });
  await expect(own.getByText('(you)')).toBeVisible();
  await expect(own.getByRole('button', { name: 'Change role' })).toHaveCount(0);
  await expect(own.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
});

test('an admin sees every setting explained, a value out of range is refused beside its field, a valid one is saved', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('A change applies to new bookings and payments only.')).toBeVisible();
  const field = page.getByLabel('Auto-complete (hours)');
  const original = await field.inputValue();

  await field.fill('9999');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The auto-complete delay must be at most 720 hours (30 days).')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill('13');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Auto-complete (hours)')).toHaveValue('13');

  // Put it back for the other specs.
  await page.getByLabel('Auto-complete (hours)').fill(original);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
});
