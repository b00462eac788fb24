import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, SignInPage, demo } from './fixtures';

/**
 * A practitioner's tools (issue 13, point 5): a class's roster with check-in,
 * no-show and completing the class; a 1:1 booking's steps with cancelling as
 * the secondary, confirmed action; the schedule's Cancelled tab; and
 * /provider/payments naming what was paid for, without a console error.
 * The browser is in New York, the studio in London.
 */
test.use({ timezoneId: 'America/New_York' });

const ANSWERS = { heart_condition: false, chest_pain: false, dizziness: false, chronic_condition: false, medication: false, bone_joint: false, supervised_activity: false };

async function tokenOf(request: APIRequestContext, email: string, password: string): Promise<string> {
  const res = await request.post('/api/v1/auth/token', { data: { email, password } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** A client registered through the API, with a valid questionnaire, and their bearer token. */
async function readyClient(request: APIRequestContext, name: string): Promise<{ name: string; token: string }> {
  const email = `prov-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'a-long-enough-password';
  expect((await request.post('/api/v1/auth/register', { data: { email, password, name } })).status()).toBe(201);
  const token = await tokenOf(request, email, password);
  const put = await request.put('/api/v1/questionnaire', {
    headers: { authorization: `Bearer ${token}` },
    data: { answers: ANSWERS, emergency_contact: { name: 'Em Contact', phone: '01632 960002', relationship: 'Friend' }, consent: true },
  });
  expect(put.status()).toBe(200);
  return { name, token };
}

async function book(request: APIRequestContext, token: string, data: Record<string, unknown>): Promise<string> {
  const res = await request.post('/api/v1/bookings', { headers: { authorization: `Bearer ${token}` }, data });
  expect(res.status(), await res.text()).toBe(201);
  const { booking } = (await res.json()) as { booking: { id: string; status: string } };
  expect(booking.status).toBe('confirmed');
  return booking.id;
}

async function signedInAs(page: Page, email: string, path: string): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open(path);
  await signIn.signIn(email, DEMO_PASSWORD);
  // Argon2 on a loaded two-core machine: give the sign-in time.
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`), { timeout: 30_000 });
}

test('a practitioner opens a class roster, checks one client in, marks another a no-show and completes the class', async ({ page, request }) => {
  test.setTimeout(180_000);
  // A free class of Maya's starting in half a minute: check-in opens 15 minutes before, no-show and completing once it has started.
  // The clients are made first (argon2 is slow on a loaded machine), so both book well before the start.
  const maya = await tokenOf(request, demo.provider.email, DEMO_PASSWORD);
  const came = await readyClient(request, `Cora Came ${randomUUID().slice(0, 4)}`);
  const missed = await readyClient(request, `Nico Missed ${randomUUID().slice(0, 4)}`);
  const title = `Roster check ${randomUUID().slice(0, 6)}`;
  const startsAt = new Date(Date.now() + 30_000);
  const created = await request.post('/api/v1/classes', {
    headers: { authorization: `Bearer ${maya}` },
    data: { title, starts_at: startsAt.toISOString(), duration_minutes: 30, capacity: 3, price: { amount: 0, currency: 'gbp' }, location: 'Studio R' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const classId = ((await created.json()) as { classes: { id: string }[] }).classes[0]?.id ?? '';
  await book(request, came.token, { class_id: classId });
  await book(request, missed.token, { class_id: classId });

  // From the class list to the roster.
  await signedInAs(page, demo.provider.email, '/provider/classes');
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/provider/classes/${classId}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const rows = page.getByTestId('roster-client');
  await expect(rows).toHaveCount(2);
  const cameRow = rows.filter({ hasText: came.name });
  const missedRow = rows.filter({ hasText: missed.name });
  await expect(cameRow.getByTestId('questionnaire-badge')).toHaveText(/^Health questionnaire valid until \d{1,2} \w+ \d{4}$/);
  await expect(cameRow.getByTestId('seat-payment')).toHaveText('Free');

  await cameRow.getByRole('button', { name: `Check in: ${came.name}` }).click();
  await expect(cameRow.getByTestId('booking-status')).toHaveText('In progress');

  // Once the class has started: no-show is offered, and on the schedule the booking card shows its steps.
  await expect(async () => {
    await page.reload();
    await expect(missedRow.getByRole('button', { name: `No-show: ${missed.name}` })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [3_000] });

  await page.goto('/provider/schedule');
  const missedCard = page.getByTestId('schedule-booking').filter({ hasText: title }).filter({ hasText: missed.name });
  await expect(missedCard.getByRole('button', { name: `Start: ${title} with ${missed.name}` })).toBeVisible();
  await expect(missedCard.getByRole('button', { name: `No-show: ${title} with ${missed.name}` })).toBeVisible();
  const cameCard = page.getByTestId('schedule-booking').filter({ hasText: title }).filter({ hasText: came.name });
  await expect(cameCard.getByRole('button', { name: `Complete: ${title} with ${came.name}` })).toBeVisible();
  await missedCard.getByRole('link', { name: /Class roster/ }).click();

  await missedRow.getByRole('button', { name: `No-show: ${missed.name}` }).click();
  await expect(missedRow.getByTestId('booking-status')).toHaveText('No-show');
  await page.getByRole('button', { name: `Complete the class: ${title}` }).click();
  await expect(page.getByTestId('class-completed')).toContainText('Class completed');
  await expect(page.getByRole('button', { name: `Complete the class: ${title}` })).toHaveCount(0);
  await expect(cameRow.getByTestId('booking-status')).toHaveText('Completed');
  await expect(missedRow.getByTestId('booking-status')).toHaveText('No-show');
});

test('a 1:1 booking shows its steps, cancelling is secondary and confirmed, and a cancelled booking moves to Cancelled', async ({ page, request }) => {
  // Tom's free Assessment at one of his free times (a random one, so parallel runs rarely meet).
  const { providers } = (await (await request.get('/api/v1/providers')).json()) as { providers: { id: string; name: string; session_types: { id: string; name: string }[] }[] };
  const tom = providers.find((p) => p.name === 'Tom Okafor');
  const type = tom?.session_types.find((t) => t.name === 'Assessment');
  expect(tom && type).toBeTruthy();
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 12 * 86_400_000).toISOString();
  const slotsRes = await request.get(`/api/v1/providers/${tom?.id}/slots?session_type_id=${type?.id}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  const { slots } = (await slotsRes.json()) as { slots: { starts_at: string }[] };
  expect(slots.length).toBeGreaterThan(0);
  const slot = slots[Math.floor(Math.random() * slots.length)];
  const client = await readyClient(request, `Sol Session ${randomUUID().slice(0, 4)}`);
  await book(request, client.token, { session_type_id: type?.id, provider_id: tom?.id, starts_at: slot?.starts_at });

  await signedInAs(page, 'tom@wellbook.test', '/provider/schedule');
  const card = page.getByTestId('schedule-booking').filter({ hasText: client.name });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('questionnaire-badge')).toHaveText(/^Health questionnaire valid until /);
  // Days ahead: not yet startable, and it says when it will be.
  await expect(card.getByRole('button', { name: /^Start: / })).toHaveCount(0);
  await expect(card).toContainText('Start opens 15 minutes before the session.');
  const cancel = card.getByRole('button', { name: 'Cancel booking' });
  await expect(cancel).toHaveAttribute('class', /border/);
  await expect(cancel).not.toHaveAttribute('class', /bg-destructive/);

  await cancel.click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('always refunds the client in full');
  await dialog.getByRole('button', { name: 'Keep booking' }).click();
  await expect(dialog).toHaveCount(0);
  await cancel.click();
  await dialog.getByLabel(/Reason for cancelling/).fill('Tom is away that day.');
  await dialog.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(dialog).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('schedule-booking').filter({ hasText: client.name })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Schedule' }).getByRole('link', { name: 'Cancelled' }).click();
  await expect(page).toHaveURL(/\/provider\/schedule\?tab=cancelled$/);
  const cancelled = page.getByTestId('schedule-booking').filter({ hasText: client.name });
  await expect(cancelled).toHaveCount(1);
  await expect(cancelled.getByTestId('booking-status')).toHaveText('Cancelled');
  await expect(cancelled.getByRole('button')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Schedule' }).getByRole('link', { name: 'Past' }).click();
  await expect(page.getByTestId('schedule-booking').filter({ hasText: client.name })).toHaveCount(0);
});

test('payments received name what each paid for, and the page logs no error (no hydration mismatch)', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await signedInAs(page, demo.provider.email, '/provider/payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments received' })).toBeVisible();
  const rows = page.getByTestId('payment-row');
  await expect(rows.first()).toBeVisible();
  const labels = await rows.locator('td:nth-child(3) a').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(label).not.toMatch(/^Booking/);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});
