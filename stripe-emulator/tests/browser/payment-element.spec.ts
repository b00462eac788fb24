import { expect, test, type Page } from '@playwright/test';
import Stripe from 'stripe';
import type { Emulator } from '../../src/emulator';
import { createEmulator } from '../../src/index';
import { bundleCheckoutApp, serveCheckoutApp, type AppServer } from './harness';

const SECRET_KEY = 'sk_test_emulator_browser';
const PUBLISHABLE_KEY = 'pk_test_emulator_browser';

let emu: Emulator;
let app: AppServer;
let stripe: Stripe;

test.beforeAll(async () => {
  emu = createEmulator({ port: 0, webhookRetryBaseMs: 50, webhookMaxAttempts: 2 });
  const url = await emu.listen();
  stripe = new Stripe(SECRET_KEY, { host: '127.0.0.1', port: Number(new URL(url).port), protocol: 'http', maxNetworkRetries: 0 });
  app = await serveCheckoutApp(url, await bundleCheckoutApp());
});

test.afterAll(async () => {
  await app?.close();
  await emu?.close();
});

async function openCheckout(page: Page, flow: 'payment' | 'card' = 'payment', redirect = 'if_required'): Promise<Stripe.PaymentIntent> {
  const pi = await stripe.paymentIntents.create({ amount: 2500, currency: 'gbp' });
  const query = new URLSearchParams({ pk: PUBLISHABLE_KEY, client_secret: pi.client_secret ?? '', flow, redirect });
  await page.goto(`${app.url}/?${query.toString()}`);
  await expect(page.getByRole('button', { name: 'Pay' })).toBeEnabled();
  return pi;
}

async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry date').fill('12/34');
  await page.getByLabel('Security code').fill('123');
  const postal = page.getByLabel('Postal code');
  if (await postal.isVisible()) await postal.fill('SW1A 1AA');
}

async function status(id: string): Promise<Stripe.PaymentIntent.Status> {
  return (await stripe.paymentIntents.retrieve(id)).status;
}

test('pays with 4242 through the real PaymentElement', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning' || msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  const pi = await openCheckout(page);
  await expect(page.getByText('Test mode (offline Stripe emulator)')).toBeVisible();
  await fillCard(page, '4242 4242 4242 4242');
  await expect(page.getByLabel('Expiry date')).toHaveValue('12 / 34');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Payment succeeded');
  expect(await status(pi.id)).toBe('succeeded');
  // No version warning from loadStripe, nothing thrown by the wrappers.
  expect(problems).toEqual([]);
});

test('elements.submit() reports an incomplete form', async ({ page }) => {
  const pi = await openCheckout(page);
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('payment-error')).toHaveText('Your card number is incomplete.');
  await page.getByLabel('Card number').fill('4242 4242 4242 4241');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('payment-error')).toHaveText('Your card number is invalid.');
  expect(await status(pi.id)).toBe('requires_payment_method');
});

test('a declined card shows the decline, then another card succeeds', async ({ page }) => {
  const pi = await openCheckout(page);
  await fillCard(page, '4000 0000 0000 9995');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('alert')).toHaveText('Your card has insufficient funds.');
  expect(await status(pi.id)).toBe('requires_payment_method');

  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Payment succeeded');
  expect(await status(pi.id)).toBe('succeeded');
});

test('3-D Secure: completing the challenge pays', async ({ page }) => {
  const pi = await openCheckout(page);
  await fillCard(page, '4000 0025 0000 3155');
  await page.getByRole('button', { name: 'Pay' }).click();
  const dialog = page.getByRole('dialog', { name: '3D Secure authentication' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('£25.00');
  expect(await status(pi.id)).toBe('requires_action');
  await dialog.getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Payment succeeded');
  await expect(dialog).toBeHidden();
  expect(await status(pi.id)).toBe('succeeded');
});

test('3-D Secure: failing the challenge does not pay', async ({ page }) => {
  const pi = await openCheckout(page);
  await fillCard(page, '4000 0025 0000 3155');
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('dialog', { name: '3D Secure authentication' }).getByRole('button', { name: 'Fail' }).click();
  await expect(page.getByTestId('payment-error')).toHaveText(
    'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
  );
  expect(await status(pi.id)).not.toBe('succeeded');
});

test('without redirect: if_required, a payment goes to return_url as Stripe.js does', async ({ page }) => {
  const pi = await openCheckout(page, 'payment', 'always');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/done\?/);
  const back = new URL(page.url()).searchParams;
  expect(back.get('payment_intent')).toBe(pi.id);
  expect(back.get('payment_intent_client_secret')).toBe(pi.client_secret);
  expect(back.get('redirect_status')).toBe('succeeded');
  expect(await status(pi.id)).toBe('succeeded');
});

test('confirmCardPayment with the CardElement', async ({ page }) => {
  const pi = await openCheckout(page, 'card');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Payment succeeded');
  const paid = await stripe.paymentIntents.retrieve(pi.id, { expand: ['payment_method'] });
  expect(paid.status).toBe('succeeded');
  expect((paid.payment_method as Stripe.PaymentMethod).billing_details).toMatchObject({ name: 'Test Customer', address: { postal_code: 'SW1A 1AA' } });
});

test('the hosted 3-D Secure page returns to return_url', async ({ page }) => {
  const pi = await stripe.paymentIntents.create({
    amount: 1200,
    currency: 'gbp',
    payment_method: 'pm_card_authenticationRequiredOnSetup',
    confirm: true,
    return_url: `${app.url}/done`,
  });
  expect(pi.status).toBe('requires_action');
  const url = pi.next_action?.redirect_to_url?.url;
  expect(url).toBeTruthy();
  await page.goto(url ?? '');
  await expect(page.getByRole('dialog', { name: '3D Secure authentication' })).toContainText('£12.00');
  await page.getByRole('button', { name: 'Complete' }).click();
  await expect(page).toHaveURL(/\/done\?/);
  const back = new URL(page.url());
  expect(back.searchParams.get('payment_intent')).toBe(pi.id);
  expect(back.searchParams.get('redirect_status')).toBe('succeeded');
  expect(await status(pi.id)).toBe('succeeded');
});
