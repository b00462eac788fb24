import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { BOOKING_URL, DEMO_PASSWORD, SignInPage, cancelThroughDialog, completeQuestionnaire, expectBookingConfirmed, fillCard, openBookableClass, payButton, registerClient, watchCspViolations } from './fixtures';

/**
 * Card payments end to end, against the offline Stripe emulator the test stack
 * starts: the real Payment Element, the webhook confirming the booking, and
 * the result page waiting for it.
 */

async function newClient(page: Page): Promise<void> {
  await registerClient(page, `Pat Payer ${randomUUID().slice(0, 6)}`, 'pay');
  await completeQuestionnaire(page);
}

/** Books a priced class with plenty of seats from the schedule; returns the booking's id, title and price. */
async function bookPricedClass(page: Page, which: 'soonest' | 'latest' = 'soonest'): Promise<{ id: string; title: string; price: string }> {
  const title = await openBookableClass(page, { price: 'priced', which });
  const price = (await page.getByTestId('class-price').textContent())?.trim() ?? '';
  expect(price).toMatch(/^£\d+\.\d{2}$/);
  await page.getByRole('button', { name: 'Book this class' }).click();
  await expect(page).toHaveURL(BOOKING_URL);
  const id = BOOKING_URL.exec(new URL(page.url()).pathname)?.[1] ?? '';
  await expect(page.getByTestId('booking-summary').getByTestId('booking-status')).toContainText('Awaiting payment');
  return { id, title, price };
}

/** From the booking page to the checkout, which shows what is bought, its price and the hold. */
async function openCheckout(page: Page, booking: { title: string; price: string }): Promise<void> {
  await page.getByRole('link', { name: 'Pay now' }).click();
  await expect(page).toHaveURL(/\/pay$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Pay for your booking' })).toBeVisible();
  await expect(page.getByTestId('checkout-summary')).toContainText(booking.title);
  await expect(page.getByTestId('checkout-amount')).toHaveText(booking.price);
  await expect(page.getByTestId('hold-countdown')).toHaveText(/^Your place is held for \d{1,2}:\d{2}$/);
  await expect(payButton(page)).toBeEnabled();
}

/** A new client with a valid questionnaire, at the checkout of a priced class they have just booked. */
async function newClientAtCheckout(page: Page, which: 'soonest' | 'latest' = 'soonest'): Promise<{ id: string; title: string; price: string }> {
  await newClient(page);
  const booking = await bookPricedClass(page, which);
  await openCheckout(page, booking);
  return booking;
}

/** Fills the Payment Element with a test card and presses Pay. */
async function payWith(page: Page, card: string): Promise<void> {
  await fillCard(page, card);
  await payButton(page).click();
}

async function bookingState(page: Page, id: string): Promise<{ status: string; payment_status: string }> {
  const res = await page.request.get(`/api/v1/bookings/${id}`);
  expect(res.ok()).toBe(true);
  const { booking } = (await res.json()) as { booking: { status: string; payment_status: string } };
  return { status: booking.status, payment_status: booking.payment_status };
}

test.describe('card payments', () => {
  test.describe.configure({ timeout: 120_000 });

  // The strict policy (a nonce per answer) lets the Payment Element and 3-D Secure run, and refuses nothing they need.
  let refusedByCsp: string[] = [];
  test.beforeEach(({ page }) => {
    refusedByCsp = watchCspViolations(page);
  });
  test.afterEach(() => {
    expect(refusedByCsp).toEqual([]);
  });

  test('a new client pays for a class with 4242 and the booking is confirmed', async ({ page }) => {
    const booking = await newClientAtCheckout(page);
    await payWith(page, '4242 4242 4242 4242');
    await expectBookingConfirmed(page, booking.id);

    // The receipt: the payment is listed with the card and a link to its receipt, in the app.
    await page.goto('/account/payments');
    const row = page.getByRole('row').filter({ hasText: booking.price });
    await expect(row.first()).toContainText('4242');
    await expect(row.first().getByRole('link', { name: 'Receipt' })).toHaveAttribute('href', /^\/account\/payments\/pi_[^/]+\/receipt$/);

    // Paying again is not offered: the checkout says so and links back.
    await page.goto(`/account/bookings/${booking.id}/pay`);
    await expect(page.getByTestId('nothing-to-pay')).toHaveText('This booking is already paid.');
    await expect(page.getByRole('link', { name: 'Back to the booking' })).toBeVisible();
  });

  test('a declined card shows its own message, keeps the hold, and a retry with 4242 pays', async ({ page }) => {
    const booking = await newClientAtCheckout(page);
    await payWith(page, '4000 0000 0000 9995');
    await expect(page.getByTestId('payment-error')).toHaveText('Your card has insufficient funds.');
    await expect(page.getByRole('alert').filter({ hasText: 'insufficient funds' })).toBeVisible();
    await expect(page).toHaveURL(/\/pay$/);
    expect((await bookingState(page, booking.id)).status).toBe('pending_payment');

    // The form stays for another card.
    await expect(payButton(page)).toBeEnabled();
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await payButton(page).click();
    await expectBookingConfirmed(page, booking.id);
    expect(await bookingState(page, booking.id)).toEqual({ status: 'confirmed', payment_status: 'paid' });
  });

  test('a 3-D Secure card is authenticated, then the booking is confirmed', async ({ page }) => {
    const booking = await newClientAtCheckout(page);
    await payWith(page, '4000 0025 0000 3155');
    const dialog = page.getByRole('dialog', { name: '3D Secure authentication' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(booking.price);
    await expect(page.getByRole('button', { name: 'Paying…' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Complete' }).click();
    await expectBookingConfirmed(page, booking.id);
  });

  test('cancelling a paid class in time refunds the card', async ({ page }) => {
    // The furthest class on the schedule: well outside the cancellation window.
    const booking = await newClientAtCheckout(page, 'latest');
    await payWith(page, '4242 4242 4242 4242');
    await expectBookingConfirmed(page, booking.id);

    await cancelThroughDialog(page, 'full refund', 'Plans changed.');
    const summary = page.getByTestId('booking-summary');
    // Either still on its way or already back, depending on how fast the refund's webhook arrives.
    await expect(page.getByTestId('refund-due')).toHaveText(new RegExp(`You will get ${booking.price.replace('.', '\\.')} back\\.|Refunded: ${booking.price.replace('.', '\\.')} went back to the card\\.`));
    // The refund itself: the payment status follows Stripe's refund (through the webhook).
    await expect(async () => {
      expect((await bookingState(page, booking.id)).payment_status).toBe('refunded');
    }).toPass({ timeout: 20_000 });
    await page.reload();
    await expect(summary).toContainText('Refunded');
  });

  test('the practitioner refunds part of a payment they received', async ({ page, browser }) => {
    const booking = await newClientAtCheckout(page);
    await payWith(page, '4242 4242 4242 4242');
    await expectBookingConfirmed(page, booking.id);
    const mine = (await (await page.request.get('/api/v1/payments')).json()) as { payments: { id: string; provider: { name: string } }[] };
    const payment = mine.payments[0];
    expect(payment?.id).toMatch(/^pi_/);
    const email = payment?.provider.name === 'Tom Okafor' ? 'tom@wellbook.test' : 'maya@wellbook.test';

    const practitioner = await browser.newPage();
    try {
      await new SignInPage(practitioner).open(`/provider/payments/${payment?.id}`);
      await new SignInPage(practitioner).signIn(email, DEMO_PASSWORD);
      await expect(practitioner.getByRole('heading', { level: 1, name: `Payment of ${booking.price}` })).toBeVisible();
      await practitioner.getByRole('button', { name: 'Refund…' }).click();
      const dialog = practitioner.getByRole('alertdialog');
      await dialog.getByLabel(/Amount/).fill('1.00');
      await dialog.getByLabel('Reason').fill('Started late.');
      await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
      await expect(dialog).toBeHidden();
      // The refund is confirmed by Stripe's webhook; the page shows it once it has arrived.
      await expect(async () => {
        await practitioner.reload();
        await expect(practitioner.getByText('Partly refunded').first()).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
    } finally {
      await practitioner.close();
    }
  });
});
