import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SignInPage, SignUpPage, demo, mainNav, signOut, type DemoRole } from './fixtures';

test('a new user registers, lands in the client area, signs out and signs back in', async ({ page }) => {
  const email = `new-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'a-long-enough-password';

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/signup/);

  await new SignUpPage(page).signUp({ name: 'Nia New', email, password });

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();

  await signOut(page, 'Nia New');
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);

  await new SignInPage(page).signIn(email, password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
});

test('sign-up shows field errors and keeps what was typed', async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp({ name: 'Short Pass', email: 'short@example.test', password: 'short' });
  await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('short@example.test');
  await expect(page).toHaveURL(/\/signup/);
});

test('a duplicate e-mail is refused on sign-up', async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp({ name: 'Copy Cat', email: demo.client.email, password: 'another-password' });
  await expect(page.getByText('An account with this e-mail already exists.')).toBeVisible();
});

test('a wrong password is refused with a plain message', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(demo.provider.email, 'not-the-password');
  await expect(page.getByTestId('form-error')).toHaveText(/The e-mail or password is incorrect\./);
  await expect(page).toHaveURL(/\/signin/);
});

const roles = Object.keys(demo) as DemoRole[];

for (const role of roles) {
  test(`the demo ${role} sees their own navigation and is refused the other areas`, async ({ page }) => {
    const me = demo[role];
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(me.email, DEMO_PASSWORD);

    await expect(page).toHaveURL(new RegExp(`${me.area}$`));
    await expect(page.getByRole('heading', { level: 1, name: me.heading })).toBeVisible();
    for (const label of me.nav) {
      await expect(mainNav(page).getByRole('link', { name: label, exact: true })).toBeVisible();
    }
    for (const other of roles.filter((r) => r !== role)) {
      for (const label of demo[other].nav.filter((l) => !(me.nav as readonly string[]).includes(l))) {
        await expect(mainNav(page).getByRole('link', { name: label, exact: true })).toHaveCount(0);
      }
      const response = await page.goto(demo[other].area);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByRole('heading', { name: demo[other].heading })).toHaveCount(0);
    }
    await page.goto(me.area);
    await signOut(page, me.name);
  });
}

test('a signed-out visitor is sent to sign in and brought back', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers/);
  await new SignInPage(page).signIn(demo.admin.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('cell', { name: demo.client.email })).toBeVisible();
});

test('the API accepts the browser session cookie', async ({ page }) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(demo.provider.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/provider$/);
  const res = await page.request.get('/api/v1/me');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ user: { email: demo.provider.email, role: 'provider' } });
});
