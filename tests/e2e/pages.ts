import { randomUUID } from 'node:crypto';
import { expect, request, type Browser, type Page } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { DEMO_PASSWORD, SignInPage, completeQuestionnaire, registerClient } from './fixtures';

/**
 * Every page of the app, by role, with real ids from the seeded database: what
 * the accessibility and page-width sweep (a11y-layout.spec.ts) visits.
 * Keep it in step with `find app -name page.tsx`.
 */

export type Role = 'anonymous' | 'client' | 'provider' | 'admin';
export interface AppPage {
  /** What the page is, for a failure message. */
  name: string;
  path: string;
}

/** The demo account each role's pages are seen as; the provider is Tom: he has payments, a payout and clients with questionnaires. */
export const VIEWER: Record<Exclude<Role, 'anonymous'>, string> = {
  client: 'alice@wellbook.test',
  provider: 'tom@wellbook.test',
  admin: 'admin@wellbook.test',
};

const ID = '[0-9a-f-]{36}';

/** The links on `path` whose href matches `pattern`. */
async function links(page: Page, path: string, pattern: RegExp): Promise<string[]> {
  await page.goto(path);
  const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => h.split('#')[0] ?? '').filter((h) => pattern.test(h)))];
}

/** The first link on one of `paths` whose href matches `pattern` (an id the seed or an earlier step made). */
async function firstLink(page: Page, paths: string | string[], pattern: RegExp, what: string): Promise<string> {
  for (const path of [paths].flat()) {
    const [href] = await links(page, path, pattern);
    if (href) return href;
  }
  throw new Error(`no link to ${what} on ${[paths].flat().join(', ')}`);
}

/** A demo user's id, through the API with a bearer token. */
async function userId(email: string): Promise<string> {
  const api = await request.newContext({ baseURL });
  try {
    const token = await api.post('/api/v1/auth/token', { data: { email, password: DEMO_PASSWORD } });
    expect(token.ok(), `token for ${email}`).toBe(true);
    const { token: bearer } = (await token.json()) as { token: string };
    const me = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${bearer}` } });
    return ((await me.json()) as { user: { id: string } }).user.id;
  } finally {
    await api.dispose();
  }
}

export async function signInAs(page: Page, email: string): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(email, DEMO_PASSWORD);
  // Argon2 on a loaded two-core machine: give the sign-in time.
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 30_000 });
}

/** The pages a signed-out visitor sees. */
export async function anonymousPages(page: Page): Promise<AppPage[]> {
  const classPage = await firstLink(page, '/schedule', new RegExp(`^/schedule/classes/${ID}$`), 'a class');
  const provider = await firstLink(page, '/schedule', new RegExp(`^/schedule/providers/${ID}$`), 'a practitioner');
  const freeTimes = await firstLink(page, provider, new RegExp(`^/schedule/providers/${ID}\\?type=${ID}$`), 'a session type');
  return [
    { name: 'landing', path: '/' },
    { name: 'schedule', path: '/schedule' },
    { name: 'a class', path: classPage },
    { name: 'a practitioner', path: provider },
    { name: 'a practitioner’s free times', path: freeTimes },
    { name: 'sign in', path: '/signin' },
    { name: 'sign up', path: '/signup' },
    { name: 'class passes', path: '/packages' },
    { name: 'unsubscribe (no token)', path: '/unsubscribe' },
  ];
}

/**
 * A client's pages as the demo client sees them, and the checkout of a booking
 * awaiting payment (a new client's, so nothing else here books a seat as the demo client).
 */
export async function clientPages(page: Page, browser: Browser): Promise<AppPage[]> {
  const providers = await links(page, '/schedule', new RegExp(`^/schedule/providers/${ID}$`));
  const types: string[] = [];
  for (const provider of providers) types.push(...(await links(page, provider, new RegExp(`^/schedule/providers/${ID}\\?type=${ID}$`))));
  const slot = await firstLink(page, types, new RegExp(`^/schedule/providers/${ID}/book\\?`), 'a free time');
  const classPage = await firstLink(page, '/schedule', new RegExp(`^/schedule/classes/${ID}$`), 'a class');
  const booking = await firstLink(page, '/account/bookings', new RegExp(`^/account/bookings/${ID}$`), 'a booking');
  const buy = await firstLink(page, '/packages', new RegExp(`^/packages/${ID}/buy$`), 'buying a class pass');
  const pending = await pendingBooking(browser, page.viewportSize());
  return [
    { name: 'my account', path: '/account' },
    { name: 'my bookings', path: '/account/bookings' },
    { name: 'a paid booking', path: booking },
    { name: 'a booking awaiting payment', path: pending.booking },
    { name: 'the pay page', path: `${pending.booking}/pay` },
    { name: 'a class pass purchase', path: pending.purchase },
    { name: 'check your phone (M-Pesa)', path: pending.mpesa },
    { name: 'credits', path: '/account/credits' },
    { name: 'payments', path: '/account/payments' },
    { name: 'questionnaire', path: '/account/questionnaire' },
    { name: 'a class, signed in', path: classPage },
    { name: 'confirm a 1:1 session', path: slot },
    { name: 'buy a class pass', path: buy },
  ];
}

/** A new client books a priced class by card and starts buying a pass, and leaves both unpaid; its pages are seen signed in as that client. */
async function pendingBooking(browser: Browser, viewport: { width: number; height: number } | null): Promise<{ booking: string; purchase: string; mpesa: string; page: Page }> {
  // Set up at the desktop size; its pages are then seen at the caller's.
  // A context of its own (AxeBuilder refuses a page from browser.newPage()).
  const page = await (await browser.newContext()).newPage();
  await registerClient(page, `Ada Access ${randomUUID().slice(0, 6)}`, 'a11y');
  await completeQuestionnaire(page);
  const { classes } = (await (await page.request.get('/api/v1/classes')).json()) as { classes: { id: string; price: { amount: number; currency: string } }[] };
  const priced = classes.filter((c) => c.price.amount > 0 && c.price.currency !== 'kes');
  let booking = '';
  for (const c of priced) {
    const res = await page.request.post('/api/v1/bookings', { data: { class_id: c.id, pay_with: 'card' } });
    if (res.status() === 201) {
      booking = `/account/bookings/${((await res.json()) as { booking: { id: string } }).booking.id}`;
      break;
    }
  }
  expect(booking, 'a priced class to book').not.toBe('');
  // A KES class paid by M-Pesa, its prompt left waiting on a phone nobody answers: the "Check your phone" page.
  const kes = classes.find((c) => c.price.currency === 'kes' && c.price.amount > 0);
  const phone = `254712${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
  const byMpesa = await page.request.post('/api/v1/bookings', { data: { class_id: kes?.id ?? '', pay_with: 'mpesa', phone } });
  expect(byMpesa.status(), 'a KES class booked with M-Pesa').toBe(201);
  const mpesa = `/account/payments/${((await byMpesa.json()) as { payment: { id: string } }).payment.id}/mpesa`;
  // A card-priced pass: a purchase with no body is paid by card.
  const { packages } = (await (await page.request.get('/api/v1/packages')).json()) as { packages: { id: string; price: { currency: string } }[] };
  const bought = await page.request.post(`/api/v1/packages/${packages.find((p) => p.price.currency !== 'kes')?.id ?? ''}/purchase`);
  expect(bought.status(), 'starting a class pass purchase').toBe(201);
  const purchase = `/account/credits/purchases/${((await bought.json()) as { purchase_id: string }).purchase_id}`;
  if (viewport) await page.setViewportSize(viewport);
  pendingPages.set(booking, page);
  pendingPages.set(`${booking}/pay`, page);
  pendingPages.set(purchase, page);
  pendingPages.set(mpesa, page);
  return { booking, purchase, mpesa, page };
}

/** Pages seen as the new client of pendingBooking rather than the demo client. */
export const pendingPages = new Map<string, Page>();

export async function providerPages(page: Page): Promise<AppPage[]> {
  const payment = await firstLink(page, '/provider/payments', new RegExp(`^/provider/payments/${ID}$|^/provider/payments/pi_\\w+$`), 'a payment');
  const payout = await firstLink(page, '/provider/payouts', new RegExp(`^/provider/payouts/${ID}$`), 'a payout');
  const alice = await userId(VIEWER.client);
  return [
    { name: 'practice', path: '/provider' },
    { name: 'schedule', path: '/provider/schedule' },
    { name: 'classes', path: '/provider/classes' },
    { name: 'session types', path: '/provider/session-types' },
    { name: 'availability', path: '/provider/availability' },
    { name: 'earnings', path: '/provider/earnings' },
    { name: 'payments', path: '/provider/payments' },
    { name: 'a payment', path: payment },
    { name: 'payouts', path: '/provider/payouts' },
    { name: 'a payout', path: payout },
    { name: 'a client’s questionnaire', path: `/provider/clients/${alice}/questionnaire` },
  ];
}

/** Makes sure the outbox has a message: the admin grants a new client a credit, which queues its e-mail. */
async function outboxMessage(page: Page): Promise<void> {
  const registered = await page.request.post('/api/v1/auth/register', {
    data: { email: `a11y-mail-${randomUUID().slice(0, 8)}@example.test`, password: 'a-long-enough-password', name: 'Mo Mail' },
  });
  expect(registered.status(), 'registering a client').toBe(201);
  const { user } = (await registered.json()) as { user: { id: string } };
  const granted = await page.request.post(`/api/v1/clients/${user.id}/credits`, { data: { uses: 1, validity_days: 30, reason: 'A message for the outbox' } });
  expect(granted.status(), 'granting a credit').toBe(201);
}

export async function adminPages(page: Page): Promise<AppPage[]> {
  const booking = await firstLink(page, '/admin/bookings', new RegExp(`^/admin/bookings/${ID}$`), 'a booking');
  const payment = await firstLink(page, '/admin/payments', /^\/admin\/payments\/[^/?]+$/, 'a payment');
  const payout = await firstLink(page, '/admin/payouts', new RegExp(`^/admin/payouts/${ID}$`), 'a payout');
  const credits = await firstLink(page, '/admin/credits', new RegExp(`^/admin/credits/${ID}$`), 'a client’s credits');
  const alice = await userId(VIEWER.client);
  await outboxMessage(page);
  const mail = await firstLink(page, '/admin/mail', /^\/admin\/mail\/[^/?]+$/, 'a message');
  return [
    { name: 'dashboard', path: '/admin' },
    { name: 'analytics', path: '/admin/analytics' },
    { name: 'users', path: '/admin/users' },
    { name: 'settings', path: '/admin/settings' },
    { name: 'bookings', path: '/admin/bookings' },
    { name: 'a booking', path: booking },
    { name: 'classes', path: '/admin/classes' },
    { name: 'payments', path: '/admin/payments' },
    { name: 'a payment', path: payment },
    { name: 'payouts', path: '/admin/payouts' },
    { name: 'a payout', path: payout },
    { name: 'class passes', path: '/admin/packages' },
    { name: 'credits', path: '/admin/credits' },
    { name: 'a client’s credits', path: credits },
    { name: 'questionnaires', path: '/admin/questionnaires' },
    { name: 'a client’s questionnaire', path: `/admin/questionnaires/${alice}` },
    { name: 'reports', path: '/admin/reports' },
    { name: 'mail', path: '/admin/mail' },
    { name: 'a message', path: mail },
    { name: 'webhooks', path: '/admin/webhooks' },
    { name: 'audit log', path: '/admin/audit' },
    { name: 'API keys', path: '/admin/api-keys' },
  ];
}

/**
 * Runs `check` on every page of `role`, signed in as that role's demo account;
 * returns one line per failure ("<role>: <page> (<path>): ...").
 */
export async function eachPage(browser: Browser, page: Page, role: Role, check: (page: Page, appPage: AppPage) => Promise<string[]>): Promise<string[]> {
  if (role !== 'anonymous') await signInAs(page, VIEWER[role]);
  const pages =
    role === 'anonymous' ? await anonymousPages(page) : role === 'client' ? await clientPages(page, browser) : role === 'provider' ? await providerPages(page) : await adminPages(page);
  const failures: string[] = [];
  for (const appPage of pages) {
    const viewer = pendingPages.get(appPage.path) ?? page;
    const response = await viewer.goto(appPage.path);
    const status = response?.status() ?? 0;
    if (status >= 400) {
      failures.push(`${role}: ${appPage.name} (${appPage.path}): HTTP ${status}`);
      continue;
    }
    await viewer.waitForLoadState('load');
    for (const line of await check(viewer, appPage)) failures.push(`${role}: ${appPage.name} (${appPage.path}): ${line}`);
  }
  return failures;
}

export const ROLES: Role[] = ['anonymous', 'client', 'provider', 'admin'];
