import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CLASS_TITLES } from '@/db/seed-schedule';
import { BOOKING_URL, answerQuestionnaire, mainNav, registerClient } from './fixtures';

/**
 * The schedule and the one time rule, with the browser in New York while the
 * studio is in London: every time reads in New York time, the same on every page.
 */
test.use({ timezoneId: 'America/New_York' });

const NY_DATETIME = /\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} New York time/;

/** Bookable classes on the schedule: cards with a Book link and seats left. */
function classCards(page: Page) {
  return page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Book / }) });
}

/** Fails the test on a hydration error (React #418) or any other page error. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /418|hydrat/i.test(msg.text())) errors.push(msg.text());
  });
  return errors;
}

async function openSchedule(page: Page, query = ''): Promise<void> {
  await page.goto(`/schedule${query}`);
  // The first visit sets the tz cookie and refreshes once; from then on the server renders New York time.
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  await expect(page.getByText('Times are in New York time.')).toBeVisible();
}

test('the schedule, the class page and the booking show the same time, in New York time, with the studio’s beside it', async ({ page }) => {
  const errors = watchErrors(page);
  await registerClient(page, `Nia York ${randomUUID().slice(0, 6)}`, 'tz');
  // Clients have the schedule in their navigation.
  await mainNav(page).getByRole('link', { name: 'Schedule', exact: true }).click();
  await expect(page).toHaveURL(/\/schedule$/);
  await expect(page.getByText('Times are in New York time.')).toBeVisible();

  const card = classCards(page).filter({ hasText: 'Free' }).filter({ hasText: /(?:^|\D)\d{2,} seats left/ }).first();
  const cardTime = (await card.getByTestId('class-time').textContent()) ?? '';
  // In person at the London studio: the studio's time is beside the viewer's.
  expect(cardTime).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2} New York time( · (\w{3} )?\d{2}:\d{2} London time at the studio)?$/);
  const start = cardTime.slice(0, 5);
  await card.getByRole('link', { name: /^Book / }).click();

  const when = page.locator('dd').filter({ has: page.locator('time') }).first();
  await expect(when).toContainText(NY_DATETIME);
  const classWhen = (await when.locator('time').first().textContent()) ?? '';
  expect(classWhen).toMatch(NY_DATETIME);
  expect(classWhen).toContain(`, ${start} New York time`);

  // Without a questionnaire the booking is refused, with a link that brings the client back here.
  const classUrl = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Book this class' }).click();
  const toQuestionnaire = page.getByRole('link', { name: 'Go to your health questionnaire' });
  await expect(toQuestionnaire).toHaveAttribute('href', `/account/questionnaire?next=${encodeURIComponent(classUrl)}`);
  await toQuestionnaire.click();
  await answerQuestionnaire(page);
  await expect(page).toHaveURL(new RegExp(`${classUrl}$`));

  await page.getByRole('button', { name: 'Book this class' }).click();
  await expect(page).toHaveURL(BOOKING_URL);
  await expect(page.getByTestId('booking-summary')).toContainText(classWhen);
  expect(errors).toEqual([]);
});

test('filters narrow the schedule, live in the URL and survive a reload; an empty result offers to clear them', async ({ page }) => {
  await openSchedule(page, '?view=list');
  const all = await classCards(page).count();
  expect(all).toBeGreaterThan(1);
  // A demo class, not one a parallel test made: those start within minutes and leave the schedule mid-test.
  const titles = (await classCards(page).getByRole('heading').allTextContents()).map((t) => t.trim());
  const title = titles.find((t) => DEMO_CLASS_TITLES.has(t)) ?? '';
  expect(title, `no demo class among ${titles.join(', ')}`).not.toBe('');

  const filters = page.getByRole('search', { name: 'Filter the schedule' });
  await filters.getByLabel('Search').fill(title);
  await filters.getByLabel('Kind').selectOption('class');
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page).toHaveURL(/[?&]kind=class/);
  await expect(page).toHaveURL(/[?&]view=list/);
  // The URL changes before the filtered list has streamed in: wait for the filtered list itself.
  await expect(filters.getByLabel('Search')).toHaveValue(title);
  await expect(classCards(page).first()).toContainText(title);
  const narrowed = await classCards(page).count();
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThanOrEqual(all);
  for (const text of await classCards(page).allTextContents()) expect(text.toLowerCase()).toContain(title.toLowerCase());
  await expect(page.getByRole('heading', { name: '1:1 sessions' })).toHaveCount(0);

  await page.reload();
  await expect(classCards(page)).toHaveCount(narrowed);
  await expect(filters.getByLabel('Search')).toHaveValue(title);
  await expect(filters.getByLabel('Kind')).toHaveValue('class');

  // Evening classes only: every one starts at 17:00 or later, New York time.
  await openSchedule(page, '?view=list&time=evening');
  for (const text of await page.getByTestId('class-time').allTextContents()) expect(Number(text.slice(0, 2))).toBeGreaterThanOrEqual(17);

  await openSchedule(page, '?q=no-such-class-anywhere');
  const empty = page.getByTestId('schedule-empty');
  await expect(empty).toContainText('No classes or 1:1 sessions this week match your filters: “no-such-class-anywhere”.');
  await empty.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/schedule$/);
  await expect(page.getByTestId('schedule-empty')).toHaveCount(0);
  await expect(classCards(page).first()).toBeVisible();
});

test('next week moves the range and previous week brings it back', async ({ page }) => {
  await openSchedule(page);
  const range = page.getByTestId('schedule-range');
  const thisWeek = (await range.textContent()) ?? '';
  await expect(page.getByRole('link', { name: 'Previous week' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Next week' }).click();
  await expect(page).toHaveURL(/[?&]week=\d{4}-\d{2}-\d{2}/);
  await expect(range).not.toHaveText(thisWeek);
  await page.getByRole('link', { name: 'Previous week' }).click();
  await expect(range).toHaveText(thisWeek);
});

test('the skip link is the first Tab stop, and the 1:1 session types are a few keys away', async ({ page }) => {
  await openSchedule(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  // From the top of the content, the first 1:1 session type comes within a handful of Tab presses.
  const sessions = page.getByRole('region', { name: '1:1 sessions' });
  const firstType = sessions.getByRole('link', { name: /min/ }).first();
  let presses = 0;
  while (presses < 30 && !(await firstType.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  expect(presses).toBeLessThan(30);

  // The 1:1 tab shows only session types; one opens its free times, in New York time.
  await page.getByRole('navigation', { name: 'What to book' }).getByRole('link', { name: '1:1 sessions' }).click();
  await expect(page).toHaveURL(/[?&]kind=session/);
  await expect(page.getByRole('heading', { level: 2, name: 'Classes' })).toHaveCount(0);
  await sessions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Tom Okafor' }) }).getByRole('link', { name: /Assessment/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tom Okafor' })).toBeVisible();
  await expect(page.getByText('Times are in New York time.')).toBeVisible();
  const slot = page.getByRole('region', { name: 'Free times for Assessment' }).getByRole('link').first();
  await expect(slot).toHaveText(/^\d{2}:\d{2} New York time$/);
  const slotTime = ((await slot.textContent()) ?? '').trim();
  await slot.click();
  await expect(page.getByTestId('session-time')).toContainText(`, ${slotTime}`);
});

test('on a phone the week is a strip of days showing one day at a time', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSchedule(page);
  const strip = page.getByRole('navigation', { name: 'Days' });
  await expect(strip).toBeVisible();
  await expect(page.getByTestId('schedule-day').filter({ visible: true })).toHaveCount(1);
  const other = strip.getByRole('link').nth(3);
  await other.click();
  await expect(page).toHaveURL(/[?&]day=\d{4}-\d{2}-\d{2}/);
  await expect(other).toHaveAttribute('aria-current', 'date');
  await expect(page.getByTestId('schedule-day').filter({ visible: true })).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
