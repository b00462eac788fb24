import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { mainNav, SignInPage, SignUpPage } from './fixtures';

// The browser sits in New York, the studio in London: the profile's zone is what the app must follow.
test.use({ timezoneId: 'America/New_York' });

const PASSWORD = 'a-long-enough-password';

async function newClient(page: Page, tag: string): Promise<{ email: string; name: string }> {
  const suffix = randomUUID().slice(0, 8);
  const user = { name: `Acc ${tag} ${suffix.slice(0, 4)}`, email: `${tag}-${suffix}@example.test` };
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp({ ...user, password: PASSWORD });
  await expect(page).toHaveURL(/\/account$/);
  return user;
}

/** The reset link mailed to `email`, read from the stack's SMTP catcher. */
async function resetLinkFor(email: string): Promise<string> {
  let link = '';
  await expect(async () => {
    const messages = (await (await fetch(`${process.env.E2E_MAIL_URL}/messages`)).json()) as { to: string[]; subject: string; text: string }[];
    const mail = messages.find((m) => m.to.includes(email) && m.subject === 'Reset your password');
    link = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_%-]+/.exec(mail?.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
  }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
  return link;
}

test('a client sets the time zone on the profile page, reached from the account menu', async ({ page }) => {
  const user = await newClient(page, 'zone');
  await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Profile and account' }).click();
  await expect(page).toHaveURL(/\/account\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile and account' })).toBeVisible();

  const zone = page.getByLabel('Time zone');
  await expect(zone).toHaveValue('');
  await zone.selectOption('Asia/Tokyo');
  await page.getByLabel('Phone (optional)').fill('+81 3-1234-5678');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-form').getByRole('status')).toHaveText('Profile saved.');

  await page.reload();
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
  await expect(page.getByLabel('Phone (optional)')).toHaveValue('+81312345678');

  await page.getByLabel('Phone (optional)').fill('not a phone');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText(/Phone may hold only digits/)).toBeVisible();
});

test('a forgotten password is reset through the e-mailed link, which works once', async ({ page }) => {
  const user = await newClient(page, 'forgot');
  await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(page.getByTestId('forgot-password-form')).toContainText('If an account uses this address');

  const link = await resetLinkFor(user.email);
  await page.goto(link);
  await page.getByLabel('New password').fill('my-new-reset-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByTestId('reset-password-form')).toContainText('Your password is changed');

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(user.email, PASSWORD);
  await expect(page.getByTestId('form-error')).toBeVisible();
  await signIn.signIn(user.email, 'my-new-reset-password');
  await expect(page).toHaveURL(/\/account$/);

  // The same link a second time: refused, with a way to ask again.
  await page.goto(link);
  await page.getByLabel('New password').fill('yet-another-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText(/invalid, used or expired/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
});

test('a client deletes the account after seeing what is erased and what is kept', async ({ page }) => {
  const user = await newClient(page, 'delete');
  await page.goto('/account/profile');
  const section = page.getByTestId('delete-account');
  await expect(section).toContainText('health questionnaires');
  await expect(section).toContainText('Payments, refunds and receipts');

  await section.getByText('I understand: delete my account').click();
  await section.getByLabel('Your password, to confirm').fill('not-my-password');
  await section.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(section.getByText('The password is incorrect.')).toBeVisible();

  await section.getByLabel('Your password, to confirm').fill(PASSWORD);
  await section.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page).toHaveURL(/\/(\?account=deleted)?$/);
  await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(user.email, PASSWORD);
  await expect(page.getByTestId('form-error')).toBeVisible();
});
