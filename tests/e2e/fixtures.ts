import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

export const demo = {
  admin: { email: 'admin@wellbook.test', name: 'Aly Admin', area: '/admin', heading: 'Admin dashboard', nav: ['Dashboard', 'Users'] },
  provider: { email: 'maya@wellbook.test', name: 'Maya Patel', area: '/provider', heading: 'Practice', nav: ['Practice'] },
  client: { email: 'alice@wellbook.test', name: 'Alice Brown', area: '/account', heading: 'My account', nav: ['My account'] },
} as const;

export type DemoRole = keyof typeof demo;

/** The sign-in page as a user sees it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signin');
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    // Argon2 on a loaded two-core machine can take seconds: wait (up to 30 s) for the outcome, a page
    // other than sign-in or the form's error, so no caller's 10 s expectation races the hash.
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      if (!new URL(this.page.url()).pathname.startsWith('/signin')) return;
      if ((await this.page.getByTestId('form-error').count()) > 0) return;
      // Answered with field errors: the button is back to "Sign in" (it says "Signing in…" while waiting).
      if (Date.now() - started > 1_000 && (await this.page.getByRole('button', { name: 'Signing in…' }).count()) === 0) return;
      await this.page.waitForTimeout(100);
    }
  }
}

/** The sign-up page as a user sees it. */
export class SignUpPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/signup');
  }

  async signUp(user: { name: string; email: string; password: string }) {
    await this.page.getByLabel('Name').fill(user.name);
    await this.page.getByLabel('Email').fill(user.email);
    await this.page.getByLabel('Password', { exact: true }).fill(user.password);
    await this.page.getByLabel('Confirm password').fill(user.password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
  }
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

export async function signOut(page: Page, name: string) {
  await page.getByRole('button', { name: `Account menu for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
}

/** Registers a new client through the sign-up page; a unique e-mail keeps tests independent. */
export async function registerClient(page: Page, name: string, tag = 'client'): Promise<void> {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp({ name, email: `${tag}-${randomUUID().slice(0, 8)}@example.test`, password: 'a-long-enough-password' });
  await expect(page).toHaveURL(/\/account$/);
}

/** Answers "No" to every medical question, so no clearance is needed; the client lands on the schedule. */
export async function completeQuestionnaire(page: Page): Promise<void> {
  await page.goto('/account/questionnaire');
  await answerQuestionnaire(page);
  // Saved, the client is sent on to the schedule, which says so.
  await expect(page).toHaveURL(/\/schedule\?questionnaire=saved$/);
  await expect(page.getByTestId('questionnaire-saved')).toContainText(/valid until/i);
}

/** On the questionnaire page: "No" to every medical question, an emergency contact, consent, save. */
export async function answerQuestionnaire(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Health questionnaire' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Health questionnaire' });
  const questions = form.getByRole('group').filter({ has: page.getByLabel('No', { exact: true }) });
  await expect(questions.first()).toBeVisible();
  const count = await questions.count();
  for (let i = 0; i < count; i++) await questions.nth(i).getByLabel('No', { exact: true }).check();
  await page.getByLabel('Contact name').fill('Rory Contact');
  await page.getByLabel('Contact phone').fill('+44 7700 900456');
  await page.getByLabel('Relationship to you').fill('Partner');
  await page.getByLabel(/^I confirm these answers are true and consent to/).check();
  await page.getByRole('button', { name: 'Save questionnaire' }).click();
}

/**
 * From the schedule, opens a bookable class with plenty of seats (10 or more left), free or priced,
 * the soonest or the latest; returns its title.
 */
export async function openBookableClass(page: Page, options: { price: 'free' | 'priced'; which?: 'soonest' | 'latest' }): Promise<string> {
  await page.goto('/schedule');
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  const classes = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /^Book / }) })
    .filter({ hasText: options.price === 'free' ? 'Free' : /£\d+\.\d{2}/ })
    .filter({ hasText: /(?:^|\D)\d{2,} seats left/ });
  const chosen = options.which === 'latest' ? classes.last() : classes.first();
  // The class's own title: its card's only heading.
  const title = (await chosen.getByRole('heading').textContent())?.trim() ?? '';
  expect(title).not.toBe('');
  await chosen.getByRole('link', { name: /^Book / }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return title;
}

export const BOOKING_URL = /\/account\/bookings\/([0-9a-f-]{36})$/;
const PAID_URL = /\/account\/bookings\/[0-9a-f-]{36}\/paid\?payment_intent=pi_/;

/** The result page waits for the webhook; then the booking page shows it confirmed and paid. */
export async function expectBookingConfirmed(page: Page, id: string): Promise<void> {
  await expect(page).toHaveURL(PAID_URL);
  await expect(page.getByTestId('payment-outcome')).toHaveText('Payment received — your booking is confirmed', { timeout: 30_000 });
  await page.getByRole('link', { name: 'View your booking' }).click();
  await expect(page).toHaveURL(new RegExp(`/account/bookings/${id}$`));
  const summary = page.getByTestId('booking-summary');
  await expect(summary.getByTestId('booking-status')).toHaveText('Confirmed');
  await expect(summary).toContainText('Paid');
  await expect(page.getByRole('link', { name: 'Pay now' })).toHaveCount(0);
}

/** The checkout's Pay button ("Pay £12.00", then "Paying…"). */
export function payButton(page: Page) {
  return page.getByRole('button', { name: /^Pay (£|…)/ });
}

/** Fills Stripe's Payment Element (the emulator's) with a test card. */
export async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry date').fill('12/34');
  await page.getByLabel('Security code').fill('123');
  const postal = page.getByLabel('Postal code');
  if (await postal.isVisible()) await postal.fill('SW1A 1AA');
}

/**
 * Cancels the booking on its page through the confirmation dialog, which must
 * say `policy`; the reason is typed only when given (a client may leave it out).
 */
export async function cancelThroughDialog(page: Page, policy: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(policy);
  if (reason !== undefined) await dialog.getByLabel('Reason for cancelling').fill(reason);
  await dialog.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('booking-summary').getByTestId('booking-status')).toHaveText('Cancelled');
}

/** The latest priced class (well outside the cancellation window), booked and awaiting payment; returns its id, title, price and page. */
export async function bookLatestPricedClass(page: Page): Promise<{ id: string; title: string; price: string; classPath: string }> {
  const title = await openBookableClass(page, { price: 'priced', which: 'latest' });
  const classPath = new URL(page.url()).pathname;
  const price = (await page.getByTestId('class-price').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Book this class' }).click();
  await expect(page).toHaveURL(BOOKING_URL);
  const id = BOOKING_URL.exec(new URL(page.url()).pathname)?.[1] ?? '';
  await expect(page.getByTestId('booking-summary').getByTestId('booking-status')).toContainText('Awaiting payment');
  return { id, title, price, classPath };
}

/** Collects what the content security policy refused on this page (scripts, frames, connections): none is expected. */
export function watchCspViolations(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) refused.push(msg.text());
  });
  return refused;
}
