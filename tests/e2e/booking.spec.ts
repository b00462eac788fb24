import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SignInPage, cancelThroughDialog, completeQuestionnaire, mainNav, openBookableClass, registerClient, signOut } from './fixtures';

const BOOKING_URL = /\/account\/bookings\/[0-9a-f-]{36}$/;

test('a new client books a free class and a free 1:1, cancels the class, and the practitioner sees the session', async ({ page }) => {
  const suffix = randomUUID().slice(0, 6);
  const clientName = `Bea Booker ${suffix}`;
  await registerClient(page, clientName, 'book');
  await completeQuestionnaire(page);
  await expect(mainNav(page).getByRole('link', { name: 'My bookings', exact: true })).toBeVisible();

  // A free class with plenty of seats, picked from the schedule as a client would.
  const classTitle = await openBookableClass(page, { price: 'free' });
  await expect(page.getByTestId('class-price')).toHaveText('Free');
  await page.getByRole('button', { name: 'Book this class' }).click();
  await expect(page).toHaveURL(BOOKING_URL);
  const classBookingUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: classTitle })).toBeVisible();
  await expect(page.getByTestId('booking-summary').getByTestId('booking-status')).toHaveText('Confirmed');

  // Tom's free Assessment, at one of his free times (a random one, so parallel runs rarely meet).
  await page.goto('/schedule');
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Tom Okafor' }) })
    .getByRole('link', { name: /Assessment/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tom Okafor' })).toBeVisible();
  const slots = page.getByRole('region', { name: 'Free times for Assessment' }).getByRole('link');
  await expect(slots.first()).toBeVisible();
  await slots.nth(Math.floor(Math.random() * Math.min(await slots.count(), 20))).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your booking' })).toBeVisible();
  await expect(page.getByTestId('session-price')).toHaveText('Free');
  await expect(page.getByTestId('session-time')).toContainText(/\d{2}:\d{2} \S+/);
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page).toHaveURL(BOOKING_URL);
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment' })).toBeVisible();
  await expect(page.getByTestId('booking-summary').getByTestId('booking-status')).toHaveText('Confirmed');

  // Cancel the class, with a reason (optional for a client), behind a confirmation.
  await page.goto(classBookingUrl);
  await cancelThroughDialog(page, 'full refund', 'Something came up at work.');
  await expect(page.getByTestId('booking-summary')).toContainText('Something came up at work.');
  await expect(page.getByTestId('refund-due')).toHaveText('Nothing was paid, so there is nothing to refund.');

  // The lists: the session is upcoming, the class is under past & cancelled.
  await mainNav(page).getByRole('link', { name: 'My bookings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My bookings' })).toBeVisible();
  await expect(page.getByTestId('booking-row').filter({ hasText: 'Assessment' })).toContainText('Confirmed');
  await expect(page.getByTestId('booking-row').filter({ hasText: classTitle })).toHaveCount(0);
  await page.getByRole('link', { name: 'Past & cancelled' }).click();
  await expect(page.getByTestId('booking-row').filter({ hasText: classTitle })).toContainText('Cancelled');

  // Tom sees the session in his schedule, with the client's questionnaire status.
  await signOut(page, clientName);
  const signIn = new SignInPage(page);
  await signIn.open('/provider/schedule');
  await signIn.signIn('tom@wellbook.test', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/provider\/schedule$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  const booking = page.getByTestId('schedule-booking').filter({ hasText: clientName });
  await expect(booking).toHaveCount(1);
  await expect(booking).toContainText('Assessment');
  await expect(booking).toContainText('Confirmed');
  await expect(booking.getByTestId('questionnaire-badge')).toContainText(/^Health questionnaire valid until \d{1,2} \w+ \d{4}$/);
  await expect(booking.getByRole('button', { name: 'Cancel booking' })).toBeVisible();
});

test('a signed-out visitor sees a class with a way to sign in, and a broken booking link says what to do', async ({ page }) => {
  await page.goto('/schedule');
  const anyClass = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Book / }) }).first();
  const title = (await anyClass.getByRole('heading').textContent())?.trim() ?? '';
  await anyClass.getByRole('link', { name: /^Book / }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Book this class' })).toHaveCount(0);
  const signInLink = page.getByRole('link', { name: 'Sign in to book' });
  await expect(signInLink).toHaveAttribute('href', /^\/signin\?callbackUrl=%2Fschedule%2Fclasses%2F/);

  await page.goto('/schedule');
  await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Tom Okafor' }) }).getByRole('link', { name: 'Tom Okafor' }).click();
  await expect(page).toHaveURL(/\/schedule\/providers\/[0-9a-f-]{36}$/);
  const providerUrl = new URL(page.url()).pathname;
  await page.goto(`${providerUrl}/book?type=not-a-type&start=2020-01-01T00:00:00Z`);
  await expect(page.getByText('That session type is not offered any more.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the practitioner’s free times' }).click();
  await expect(page).toHaveURL(new RegExp(`${providerUrl}$`));
});
