import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SignInPage, SignUpPage, completeQuestionnaire, demo, openBookableClass } from './fixtures';

const BOOKING_URL = /\/account\/bookings\/([0-9a-f-]{36})$/;

test('a client books a class, an admin sees its confirmation in the outbox, and the client downloads the calendar entry', async ({ page, browser }) => {
  // Sign-up, questionnaire, booking, then waiting on the worker: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  // A new client, with an address of our own so the outbox can be filtered by it.
  const suffix = randomUUID().slice(0, 8);
  const email = `mail-${suffix}@example.test`;
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp({ name: `Mia Mailer ${suffix.slice(0, 6)}`, email, password: 'a-long-enough-password' });
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('email-settings').getByTestId('reminders-state')).toHaveText('on');
  await completeQuestionnaire(page);

  const title = await openBookableClass(page, { price: 'free' });
  await page.getByRole('button', { name: 'Book this class' }).click();
  await expect(page).toHaveURL(BOOKING_URL);
  await expect(page.getByTestId('booking-summary').getByTestId('booking-status')).toHaveText('Confirmed');
  const bookingId = BOOKING_URL.exec(new URL(page.url()).pathname)?.[1] ?? '';
  expect(bookingId).not.toBe('');

  // An admin, in a browser of their own, finds the confirmation once the worker has sent it.
  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    const signIn = new SignInPage(admin);
    await signIn.open(`/admin/mail?recipient=${encodeURIComponent(email)}`);
    await signIn.signIn(demo.admin.email, DEMO_PASSWORD);
    await expect(admin.getByRole('heading', { level: 1, name: 'Mail' })).toBeVisible();
    await expect(admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail', exact: true })).toBeVisible();
    const confirmation = admin.getByTestId('mail-row').filter({ hasText: 'Booking confirmed' });
    await expect(async () => {
      await admin.reload();
      await expect(confirmation).toHaveCount(1, { timeout: 1_000 });
      await expect(confirmation.getByTestId('mail-state')).toHaveText('Sent', { timeout: 1_000 });
    }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
    await expect(confirmation).toContainText(email);
    await expect(confirmation).toContainText(title);

    await confirmation.getByRole('link').first().click();
    await expect(admin).toHaveURL(/\/admin\/mail\/[0-9a-f-]{36}$/);
    await expect(admin.getByRole('heading', { level: 1 })).toContainText(`Booking confirmed: ${title}`);
    await expect(admin.getByTestId('mail-headers')).toContainText(email);
    await expect(admin.getByTestId('mail-state')).toHaveText('Sent');
    await expect(admin.getByTestId('mail-text')).toContainText(title);
    const frame = admin.locator('iframe[title="HTML part"]');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(admin.getByTestId('mail-attachment').first()).toContainText('BEGIN:VCALENDAR');
    await expect(admin.getByRole('button', { name: /^Resend/ })).toHaveCount(0);
  } finally {
    await adminContext.close();
  }

  // The client takes the booking into a calendar.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Add to calendar' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = await readFile(await download.path(), 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain(`UID:booking-${bookingId}@wellbook`);
});

test('the unsubscribe page says what was turned off, or that the link is not valid', async ({ page }) => {
  await page.goto('/unsubscribe?done=1');
  await expect(page.getByRole('heading', { level: 1, name: 'Reminders are off' })).toBeVisible();
  await expect(page.getByTestId('unsubscribe-done')).toContainText('confirmations, receipts');
  await expect(page.getByRole('link', { name: 'your account' })).toHaveAttribute('href', '/account');

  await page.goto('/api/mail/unsubscribe?u=nobody&t=forged');
  await expect(page).toHaveURL(/\/unsubscribe\?invalid=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
});

test('a client turns reminders off and on, and makes, replaces and revokes a calendar feed', async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp({ name: 'Fay Feed', email: `feed-${randomUUID().slice(0, 8)}@example.test`, password: 'a-long-enough-password' });
  await expect(page).toHaveURL(/\/account$/);

  const email = page.getByTestId('email-settings');
  await email.getByRole('switch', { name: 'E-mail reminders' }).click();
  await expect(email.getByTestId('reminders-state')).toHaveText('off');
  await page.reload();
  await expect(email.getByTestId('reminders-state')).toHaveText('off');
  await email.getByRole('switch', { name: 'E-mail reminders' }).click();
  await expect(email.getByTestId('reminders-state')).toHaveText('on');

  const feed = page.getByTestId('calendar-feed');
  await feed.getByRole('button', { name: 'Create a calendar feed' }).click();
  const address = feed.getByTestId('calendar-feed-url').getByRole('textbox');
  await expect(address).toHaveValue(/^https?:\/\/\S+/);
  const first = await address.inputValue();
  const served = await page.request.get(first);
  expect(served.status()).toBe(200);
  expect(await served.text()).toContain('BEGIN:VCALENDAR');

  await feed.getByRole('button', { name: 'Replace address…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
  await expect(address).not.toHaveValue(first);
  expect((await page.request.get(first)).status()).toBeGreaterThanOrEqual(400);

  await feed.getByRole('button', { name: 'Revoke feed…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(feed.getByRole('button', { name: 'Create a calendar feed' })).toBeVisible();
  await expect(feed.getByTestId('calendar-feed-url')).toHaveCount(0);
});
