import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { BOOKING_URL, DEMO_PASSWORD, SignInPage, completeQuestionnaire, demo, expectBookingConfirmed, fillCard, payButton, registerClient } from './fixtures';

/**
 * Provider money (PRODUCT.md flow 9) end to end, against the Stripe emulator:
 * connecting an Express account through the emulator's hosted onboarding,
 * the earnings page, and an admin paying a practitioner out with the
 * statement adding up. The demo seed connects Maya and gives her available
 * earnings; where a database lacks them, the tests make them through the app.
 */

// One after the other: the payout empties what the earnings test looks at.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Practitioners of the demo seed other than Maya, one of whom is not connected to Stripe. */
const OTHER_PROVIDERS = ['sam@wellbook.test', 'tom@wellbook.test'];

interface Totals {
  available: { amount: number; currency: string };
}
interface Connect {
  payouts_enabled: boolean;
}

/** A page of its own (its own cookies) signed in as this user, at `path`. */
async function signedIn(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await browser.newPage();
  const signIn = new SignInPage(page);
  await signIn.open(path);
  await signIn.signIn(email, DEMO_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`), { timeout: 30_000 });
  return page;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), `${path} answered ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

/** "£1,234.50" or "−£3.00" as minor units. */
function minor(text: string | null): number {
  const cleaned = (text ?? '').replace(/[−–]/g, '-').replace(/[^\d.-]/g, '');
  const [whole = '0', fraction = '00'] = cleaned.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return cleaned.startsWith('-') ? -value : value;
}

/** On /provider/payouts: Connect (or continue) through the emulator's hosted onboarding, and back until payouts are enabled. */
async function connectThroughStripe(page: Page): Promise<void> {
  await page.goto('/provider/payouts');
  const card = page.getByTestId('connect-status');
  await card.getByRole('button', { name: /^(Connect with Stripe|Continue onboarding)$/ }).click();
  // Stripe's own page (the emulator's): nothing to fill in test mode.
  await expect(page.getByRole('heading', { level: 1, name: 'Connect onboarding' })).toBeVisible();
  await page.getByRole('button', { name: 'Complete onboarding' }).click();
  await expect(page).toHaveURL(/\/provider\/payouts\?connect=return$/);
  await expect(card.getByTestId('connect-stage')).toHaveText('Payouts enabled', { timeout: 30_000 });
  await expect(card.getByRole('button', { name: 'Open Stripe Express dashboard' })).toBeVisible();
}

/** The date and time fields of "Schedule a class" for an instant, in the practitioner's zone. */
function localFields(at: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/**
 * A class of the practitioner signed in on `provider`, a few hours ahead, at
 * `price` ("9.00"); few places, so other tests looking for a roomy class pass it by.
 */
async function scheduleSoonClass(provider: Page, price: string): Promise<string> {
  await provider.goto('/provider/classes');
  const zone = /Times in ([\w/+-]+)\./.exec((await provider.getByText(/^Times in /).textContent()) ?? '')?.[1] ?? 'Europe/London';
  const title = `Earnings check ${randomUUID().slice(0, 6)}`;
  const { date, time } = localFields(new Date(Date.now() + 3 * 60 * 60_000), zone);
  await provider.getByLabel('Title').fill(title);
  await provider.getByLabel('Date').fill(date);
  await provider.getByLabel('Start time').fill(time);
  await provider.getByLabel('Places').fill('4');
  await provider.getByLabel('Price').fill(price);
  await provider.getByLabel('Location').fill('Studio B, 12 Mill Lane');
  await provider.getByRole('button', { name: 'Schedule class' }).click();
  await expect(provider.getByText('Class scheduled.')).toBeVisible();
  const { classes } = await getJson<{ classes: { id: string; title: string }[] }>(provider, `/api/v1/classes?from=${new Date().toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`);
  const created = classes.find((c) => c.title === title);
  expect(created, 'the class just scheduled').toBeDefined();
  return created?.id ?? '';
}

/** A new client books the class and pays by card; with `cancelLate`, then cancels it less than the window before the start. */
async function clientPaysFor(browser: Browser, classId: string, cancelLate: boolean): Promise<void> {
  const client = await browser.newPage();
  try {
    await registerClient(client, `Earl Earner ${randomUUID().slice(0, 6)}`, 'earn');
    await completeQuestionnaire(client);
    await client.goto(`/schedule/classes/${classId}`);
    await client.getByRole('button', { name: 'Book this class' }).click();
    await expect(client).toHaveURL(BOOKING_URL);
    const bookingId = BOOKING_URL.exec(new URL(client.url()).pathname)?.[1] ?? '';
    await client.getByRole('link', { name: 'Pay now' }).click();
    await fillCard(client, '4242 4242 4242 4242');
    await payButton(client).click();
    await expectBookingConfirmed(client, bookingId);
    if (!cancelLate) return;
    await client.getByRole('button', { name: 'Cancel booking' }).click();
    const dialog = client.getByRole('alertdialog');
    await expect(dialog).toContainText('you will get nothing back');
    await dialog.getByLabel('Reason for cancelling').fill('Cannot make it after all.');
    await dialog.getByRole('button', { name: 'Cancel booking' }).click();
    await expect(client.getByTestId('booking-summary').getByTestId('booking-status')).toHaveText('Cancelled');
  } finally {
    await client.close();
  }
}

/** Maya, connected and with something available to pay out: as the demo seed has her, or made so through the app. */
async function mayaReadyToBePaid(browser: Browser): Promise<Page> {
  const maya = await signedIn(browser, demo.provider.email, '/provider/payouts');
  if (!(await getJson<Connect>(maya, '/api/v1/connect')).payouts_enabled) await connectThroughStripe(maya);
  if ((await getJson<Totals>(maya, '/api/v1/earnings')).available.amount <= 0) {
    // A late cancellation keeps the payment and delivers the earning (PRODUCT.md): available at once.
    await clientPaysFor(browser, await scheduleSoonClass(maya, '9.00'), true);
    await expect(async () => {
      expect((await getJson<Totals>(maya, '/api/v1/earnings')).available.amount).toBeGreaterThan(0);
    }).toPass({ timeout: 20_000 });
  }
  return maya;
}

/**
 * A transfer is paid from the platform's Stripe balance, which only real card
 * payments fill (the seed's demo payments never reached Stripe): a client pays
 * a class worth at least what is available, and keeps the booking, so it adds
 * to the balance and nothing to the payout.
 */
async function fundPlatformBalance(browser: Browser, provider: Page, amount: number): Promise<void> {
  // A tenth more, and a pound: Stripe keeps its processing fee out of each charge.
  await clientPaysFor(browser, await scheduleSoonClass(provider, `${Math.ceil((amount * 1.1) / 100) + 1}.00`), false);
}

test('a practitioner who is not connected connects a Stripe account through its onboarding and can open the Express dashboard', async ({ browser }) => {
  let page: Page | undefined;
  for (const email of OTHER_PROVIDERS) {
    const candidate = await signedIn(browser, email, '/provider/payouts');
    if (!(await getJson<Connect>(candidate, '/api/v1/connect')).payouts_enabled) {
      page = candidate;
      break;
    }
    await candidate.close();
  }
  expect(page, 'a demo practitioner without payouts enabled').toBeDefined();
  if (!page) return;
  try {
    await expect(page.getByTestId('connect-stage')).toHaveText(/^(Not connected|Onboarding not finished)$/);
    await connectThroughStripe(page);
    await expect((await getJson<Connect>(page, '/api/v1/connect')).payouts_enabled).toBe(true);

    // The dashboard link is a one-time login to Stripe's Express dashboard (the emulator's stand-in).
    await page.getByRole('button', { name: 'Open Stripe Express dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Express dashboard' })).toBeVisible();
    await expect(page.getByTestId('account')).toContainText('Payouts enabled');
  } finally {
    await page.close();
  }
});

test('the earnings page shows the totals, the weekly chart and the lines, and filters them by state', async ({ browser }) => {
  const maya = await mayaReadyToBePaid(browser);
  try {
    await maya.goto('/provider/earnings');
    await expect(maya.getByRole('heading', { level: 1, name: 'Earnings' })).toBeVisible();
    const totals = maya.getByTestId('earnings-totals').first();
    for (const label of ['Pending', 'Available', 'Paid out', 'Total']) await expect(totals.getByText(label, { exact: true })).toBeVisible();
    const available = (await getJson<Totals>(maya, '/api/v1/earnings')).available;
    expect(available.amount).toBeGreaterThan(0);
    await expect(totals).toContainText(new Intl.NumberFormat('en-GB', { style: 'currency', currency: available.currency.toUpperCase() }).format(available.amount / 100));
    await expect(maya.getByTestId('weekly-net-chart')).toBeVisible();
    await expect(maya.getByTestId('weekly-net-chart').locator('.recharts-surface')).toBeVisible();
    await expect(maya.getByTestId('earning-line').first()).toBeVisible();

    await maya.getByLabel('State').selectOption('available');
    await maya.getByRole('button', { name: 'Filter' }).click();
    await expect(maya).toHaveURL(/[?&]state=available/);
    const rows = maya.getByTestId('earning-line');
    await expect(rows.first()).toBeVisible();
    const states = await rows.getByTestId('earning-state').allTextContents();
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(['Available']));

    // The CSV of the same filter: a header row and the available lines only.
    const href = (await maya.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/v1\/earnings\/lines\.csv\?state=available/);
    const csv = await maya.request.get(href);
    expect(csv.ok()).toBe(true);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const [header, ...records] = (await csv.text()).trim().split('\r\n');
    expect(header).toBe('id,booking_id,payment_id,credit_id,kind,state,currency,gross,fee,net,created_at,delivered_at,payout_id,payment_provider');
    expect(records.length).toBeGreaterThanOrEqual(states.length);
    for (const r of records) expect(r.split(',')[5]).toBe('available');
  } finally {
    await maya.close();
  }
});

test('an admin pays a practitioner after confirming, and the statement adds up', async ({ browser }) => {
  const maya = await mayaReadyToBePaid(browser);
  await fundPlatformBalance(browser, maya, (await getJson<Totals>(maya, '/api/v1/earnings')).available.amount);
  await maya.close();
  const admin = await signedIn(browser, demo.admin.email, '/admin/payouts');
  try {
    const row = admin.getByTestId('payout-candidate').filter({ hasText: demo.provider.name });
    await expect(row.getByTestId('candidate-stripe')).toHaveText('Payouts enabled');
    await row.getByRole('button', { name: `Pay ${demo.provider.name}…` }).click();
    const dialog = admin.getByRole('alertdialog');
    await expect(dialog.getByRole('heading')).toHaveText(new RegExp(`^Pay ${demo.provider.name} £[\\d,]+\\.\\d{2}\\?$`));
    const total = /£[\d,]+\.\d{2}/.exec((await dialog.getByRole('heading').textContent()) ?? '')?.[0] ?? '';
    await dialog.getByRole('button', { name: `Pay ${total}` }).click();

    // The statement of the payout just made: every line, and totals that add up to the amount.
    await expect(admin).toHaveURL(/\/admin\/payouts\/[0-9a-f-]{36}$/);
    await expect(admin.getByRole('heading', { level: 1, name: `Payout of ${total}` })).toBeVisible();
    const amount = minor(await admin.getByTestId('total-amount').locator('dd').first().textContent());
    const net = minor(await admin.getByTestId('total-net').locator('dd').first().textContent());
    const clawbacks = minor(await admin.getByTestId('total-clawbacks').locator('dd').first().textContent());
    expect(amount).toBe(minor(total));
    expect(clawbacks).toBeLessThanOrEqual(0);
    expect(net + clawbacks).toBe(amount);
    const lines = admin.getByTestId('earning-line');
    await expect(lines.first()).toBeVisible();
    const nets = await lines.locator('td:nth-child(6)').allTextContents();
    expect(nets.reduce((sum, n) => sum + minor(n), 0)).toBe(amount);
    await expect(lines.getByTestId('earning-state').first()).toHaveText('Paid out');
    const id = /\/admin\/payouts\/([0-9a-f-]{36})$/.exec(admin.url())?.[1];

    // Nothing is left to pay her, and the payout is in the history.
    await admin.goto('/admin/payouts');
    await expect(admin.getByTestId('payout-candidate').filter({ hasText: demo.provider.name }).getByRole('button', { name: /^Pay / })).toHaveCount(0);
    await expect(admin.getByTestId('payout-row').filter({ hasText: demo.provider.name }).first()).toContainText(total);

    // She sees the same statement.
    const own = await signedIn(browser, demo.provider.email, `/provider/payouts/${id}`);
    await expect(own.getByRole('heading', { level: 1, name: `Payout of ${total}` })).toBeVisible();
    await own.close();
  } finally {
    await admin.close();
  }
});
