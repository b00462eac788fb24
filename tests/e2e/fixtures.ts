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
