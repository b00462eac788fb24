import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, SignInPage, SignUpPage, demo, mainNav } from './fixtures';

/** The client's questionnaire page as a user sees it. */
class QuestionnairePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/account/questionnaire');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Health questionnaire' })).toBeVisible();
  }

  async answerAll(answer: 'Yes' | 'No') {
    const groups = this.page.getByRole('form', { name: 'Health questionnaire' }).getByRole('group').filter({ has: this.page.getByLabel('No', { exact: true }) });
    const count = await groups.count();
    expect(count).toBe(7);
    for (let i = 0; i < count; i++) await groups.nth(i).getByLabel(answer, { exact: true }).check();
  }

  async fillContact(contact: { name: string; phone: string; relationship: string }) {
    await this.page.getByLabel('Contact name').fill(contact.name);
    await this.page.getByLabel('Contact phone').fill(contact.phone);
    await this.page.getByLabel('Relationship to you').fill(contact.relationship);
  }

  async consent() {
    await this.page.getByLabel(/^I confirm these answers are true and consent to/).check();
  }
}

async function registerClientWithApi(request: APIRequestContext, name: string): Promise<{ email: string; token: string }> {
  const email = `q-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'a-long-enough-password';
  expect((await request.post('/api/v1/auth/register', { data: { email, password, name } })).status()).toBe(201);
  const tokenRes = await request.post('/api/v1/auth/token', { data: { email, password } });
  expect(tokenRes.status()).toBe(201);
  return { email, token: ((await tokenRes.json()) as { token: string }).token };
}

test('a new client completes the questionnaire and is valid for booking', async ({ page }) => {
  const email = `q-new-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'a-long-enough-password';
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp({ name: 'Quinn Questionnaire', email, password });
  await expect(page).toHaveURL(/\/account$/);

  // The banner and the status card say it is missing and lead to the form.
  await expect(page.getByTestId('questionnaire-banner')).toContainText('Complete your health questionnaire');
  await expect(page.getByTestId('questionnaire-status')).toContainText('Not completed');
  await mainNav(page).getByRole('link', { name: 'Health questionnaire' }).click();

  const questionnaire = new QuestionnairePage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Health questionnaire' })).toBeVisible();

  // Saving with nothing answered shows what is missing and saves nothing.
  await page.getByRole('button', { name: 'Save questionnaire' }).click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await expect(page.getByText('Answer yes or no.').first()).toBeVisible();

  const firstQuestion = page.getByRole('group', { name: 'Has a doctor ever told you that you have a heart condition or high blood pressure?' });
  await firstQuestion.getByLabel('No').check();
  await questionnaire.answerAll('No');
  await questionnaire.fillContact({ name: 'Rory Contact', phone: '+44 7700 900456', relationship: 'Partner' });
  await questionnaire.consent();
  await page.getByRole('button', { name: 'Save questionnaire' }).click();

  // Not booking anything, the client is sent on to the schedule, which says the questionnaire is saved.
  await expect(page).toHaveURL(/\/schedule\?questionnaire=saved$/);
  await expect(page.getByTestId('questionnaire-saved')).toContainText(/valid until/i);
  // Renewal carries over the emergency contact only.
  await questionnaire.open();
  await expect(page.getByTestId('questionnaire-status')).toContainText(/valid until/i);
  await expect(page.getByTestId('questionnaire-status')).toContainText('Valid');
  await expect(page.getByRole('button', { name: 'Renew questionnaire' })).toBeVisible();
  await expect(page.getByLabel('Contact name')).toHaveValue('Rory Contact');
  await expect(firstQuestion.getByLabel('No')).not.toBeChecked();

  await page.goto('/account');
  await expect(page.getByTestId('questionnaire-banner')).toHaveCount(0);
  await expect(page.getByTestId('questionnaire-status')).toContainText(/valid until/i);
});

test('an admin reviews a flagged questionnaire and clears it with a note', async ({ page, request }) => {
  const name = `Flagged ${randomUUID().slice(0, 6)}`;
  const client = await registerClientWithApi(request, name);
  const answers = {
    heart_condition: false,
    chest_pain: true,
    dizziness: false,
    chronic_condition: false,
    medication: false,
    bone_joint: false,
    supervised_activity: false,
  };
  const put = await request.put('/api/v1/questionnaire', {
    headers: { authorization: `Bearer ${client.token}` },
    data: { answers, emergency_contact: { name: 'Sol Contact', phone: '01632 960001', relationship: 'Friend' }, consent: true },
  });
  expect(put.status()).toBe(200);
  expect(await put.json()).toMatchObject({ requires_clearance: true, valid_for_booking: false });

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(demo.admin.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  await mainNav(page).getByRole('link', { name: 'Questionnaires' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(client.email);
  await expect(row).toContainText('Awaiting clearance');
  await row.getByRole('link', { name: /Review/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: `${name}'s questionnaire` })).toBeVisible();
  await expect(page.getByTestId('questionnaire-answers')).toContainText('Yes');
  await expect(page.getByText('Sol Contact')).toBeVisible();

  // The note is required.
  await page.getByRole('button', { name: 'Clear for booking' }).click();
  await expect(page.getByText('Note is required.')).toBeVisible();

  await page.getByLabel('Clearance note').fill('Discussed with the client; cleared for gentle classes.');
  await page.getByRole('button', { name: 'Clear for booking' }).click();
  // The page refreshes in place: the form gives way to who cleared it, when, and the note.
  await expect(page.getByText(/Cleared on .* by Aly Admin/)).toBeVisible();
  await expect(page.getByText('Discussed with the client; cleared for gentle classes.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear for booking' })).toHaveCount(0);

  const status = await request.get('/api/v1/questionnaire', { headers: { authorization: `Bearer ${client.token}` } });
  expect(await status.json()).toMatchObject({ valid_for_booking: true });

  await page.goto('/admin/questionnaires');
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('a provider the client never booked with gets the not-found page', async ({ page, request }) => {
  const client = await registerClientWithApi(request, 'Stranger Client');
  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${client.token}` } });
  const { user } = (await me.json()) as { user: { id: string } };
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(demo.provider.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/provider$/);
  // The area's loading boundary has already streamed, so Next sends its not-found page with a 200.
  await page.goto(`/provider/clients/${user.id}/questionnaire`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('Stranger Client')).toHaveCount(0);
});
