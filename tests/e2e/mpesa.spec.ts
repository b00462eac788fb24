import { randomInt, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { BOOKING_URL, completeQuestionnaire, registerClient } from './fixtures';

/**
 * M-Pesa end to end, against the offline Daraja emulator the test stack
 * starts: a KES class paid by STK Push, approved (or first cancelled) on the
 * emulator's phone page, the callback confirming the booking, and the "Check
 * your phone" page following it live.
 */

const MPESA_URL = process.env.E2E_MPESA_URL ?? '';

interface Prompt {
  checkout_request_id: string;
  phone: string;
  state: string;
  created_at: number;
}

/** A Safaricom number no other test uses, and that no test phone of the emulator answers by itself. */
function freshPhone(): { typed: string; normalised: string } {
  const digits = String(randomInt(100_000, 999_999));
  return { typed: `0711 ${digits.slice(0, 3)} ${digits.slice(3)}`, normalised: `254711${digits}` };
}

/** The newest prompt the emulator received for a phone, after `after` of them. */
async function promptFor(page: Page, phone: string, after = 0): Promise<Prompt> {
  let found: Prompt | undefined;
  await expect
    .poll(async () => {
      const res = await page.request.get(`${MPESA_URL}/_emulator/prompts`);
      const { data } = (await res.json()) as { data: Prompt[] };
      const mine = data.filter((p) => p.phone === phone);
      found = mine.length > after ? mine[mine.length - 1] : undefined;
      return Boolean(found);
    })
    .toBe(true);
  return found!;
}

/** Opens the emulator's phone page of a prompt in a second tab and presses one of its buttons. */
async function answerOnPhone(page: Page, prompt: Prompt, button: 'Enter PIN' | 'Cancel'): Promise<void> {
  const phone = await page.context().newPage();
  await phone.goto(`${MPESA_URL}/phone/${encodeURIComponent(prompt.checkout_request_id)}`);
  await expect(phone.getByTestId('amount')).toHaveText('KES 1,500');
  if (button === 'Enter PIN') await phone.getByLabel('M-Pesa PIN').fill('1234');
  await phone.getByRole('button', { name: button }).click();
  await expect(phone.getByRole('status')).toHaveAttribute('data-state', button === 'Enter PIN' ? 'succeeded' : 'failed');
  await phone.close();
}

/** A new client books a KES class from the schedule, opens its pay page and sends the prompt; returns the booking id. */
async function bookKesClassAndSendPrompt(page: Page, phone: { typed: string }): Promise<string> {
  await registerClient(page, `Kamau Client ${randomUUID().slice(0, 6)}`, 'mpesa');
  await completeQuestionnaire(page);
  await page.goto('/schedule');
  const kes = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /^Book / }) })
    .filter({ hasText: 'KES 1,500.00' })
    .filter({ hasText: /(?:^|\D)\d{2,} seats left/ })
    .first();
  const title = (await kes.getByRole('heading').textContent())?.trim() ?? '';
  await kes.getByRole('link', { name: /^Book / }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Book this class' }).click();
  await expect(page).toHaveURL(BOOKING_URL);
  const id = BOOKING_URL.exec(new URL(page.url()).pathname)?.[1] ?? '';

  await page.getByRole('link', { name: 'Pay now' }).click();
  await expect(page).toHaveURL(/\/pay$/);
  await expect(page.getByTestId('checkout-amount')).toHaveText('KES 1,500.00');
  await expect(page.getByRole('heading', { name: 'Pay with M-Pesa' })).toBeVisible();
  // No card form for shillings.
  await expect(page.getByText('Card details')).toHaveCount(0);

  // A number that is not Kenyan is refused here, with the reason, before anything is sent.
  const field = page.getByLabel('M-Pesa phone number');
  await field.fill('+44 7700 900123');
  await page.getByRole('button', { name: 'Pay KES 1,500.00 with M-Pesa' }).click();
  await expect(page.getByTestId('phone-error')).toContainText('That is not a Kenyan mobile number');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill(phone.typed);
  await page.getByRole('button', { name: 'Pay KES 1,500.00 with M-Pesa' }).click();
  await expect(page).toHaveURL(/\/account\/payments\/mp_[0-9a-f]+\/mpesa$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your phone' })).toBeVisible();
  await expect(page.getByTestId('mpesa-state')).toHaveAttribute('data-state', 'waiting');
  await expect(page.getByTestId('hold-countdown')).toHaveText(/^Your place is held for \d{1,2}:\d{2}$/);
  return id;
}

/** The waiting page moves on by itself to the result, which shows the booking confirmed; the booking page says M-Pesa paid it. */
async function expectConfirmed(page: Page, id: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/account/bookings/${id}/paid$`), { timeout: 30_000 });
  await expect(page.getByTestId('payment-outcome')).toHaveText('Payment received — your booking is confirmed', { timeout: 30_000 });
  await page.goto(`/account/bookings/${id}`);
  const summary = page.getByTestId('booking-summary');
  await expect(summary.getByTestId('booking-status')).toHaveText('Confirmed');
  await expect(page.getByRole('link', { name: 'Pay now' })).toHaveCount(0);
}

test.describe('M-Pesa payments', () => {
  test.describe.configure({ timeout: 150_000 });

  test('a client pays for a KES class with M-Pesa, approves on the phone and the booking is confirmed', async ({ page }) => {
    const phone = freshPhone();
    const id = await bookKesClassAndSendPrompt(page, phone);
    const prompt = await promptFor(page, phone.normalised);
    expect(prompt.state).toBe('pending');
    // Back on the pay page while the prompt waits: it points to the waiting page instead of sending another.
    const waitUrl = page.url();
    await page.goto(`/account/bookings/${id}/pay`);
    await page.getByTestId('mpesa-waiting-notice').getByRole('link', { name: 'Follow it on the “Check your phone” page' }).click();
    await expect(page).toHaveURL(waitUrl);
    await answerOnPhone(page, prompt, 'Enter PIN');
    await expectConfirmed(page, id);
  });

  test('cancelled on the phone: the page says so in plain words, the prompt is resent, approved, and the booking is confirmed', async ({ page }) => {
    const phone = freshPhone();
    const id = await bookKesClassAndSendPrompt(page, phone);
    const waitUrl = page.url();
    const first = await promptFor(page, phone.normalised);
    await answerOnPhone(page, first, 'Cancel');

    await expect(page.getByTestId('mpesa-state')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
    await expect(page.getByTestId('mpesa-state')).toHaveText('You cancelled the request on your phone.');
    // The hold is still counting down, and nothing is confirmed.
    await expect(page.getByTestId('hold-countdown')).toHaveText(/^Your place is held for \d{1,2}:\d{2}$/);

    await page.getByRole('button', { name: 'Send the request again' }).click();
    await expect(page.getByTestId('mpesa-state')).toHaveAttribute('data-state', 'waiting');
    expect(page.url()).toBe(waitUrl);
    const second = await promptFor(page, phone.normalised, 1);
    expect(second.checkout_request_id).not.toBe(first.checkout_request_id);
    await answerOnPhone(page, second, 'Enter PIN');
    await expectConfirmed(page, id);
  });
});

test('a client buys the Nairobi 5 Class Pass with M-Pesa from the test phone that approves by itself, and gets 5 classes', async ({ page }) => {
  test.setTimeout(150_000);
  await registerClient(page, `Njeri Pass ${randomUUID().slice(0, 6)}`, 'mpesa-pass');
  await page.goto('/packages');
  const pass = page.getByTestId('package-card').filter({ has: page.getByText('Nairobi 5 Class Pass', { exact: true }) });
  await pass.getByRole('link', { name: 'Buy Nairobi 5 Class Pass' }).click();
  await expect(page).toHaveURL(/\/packages\/[0-9a-f-]{36}\/buy$/);
  await expect(page.getByTestId('checkout-amount')).toHaveText('KES 6,000.00');
  await page.getByLabel('M-Pesa phone number').fill('0708 374 149');
  await page.getByRole('button', { name: 'Pay KES 6,000.00 with M-Pesa' }).click();
  // The emulator's test phone approves after about 2 s; the waiting page then moves on to the purchase.
  await expect(page).toHaveURL(/\/account\/credits\/purchases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId('purchase-outcome')).toHaveText('5 classes added', { timeout: 30_000 });
});
