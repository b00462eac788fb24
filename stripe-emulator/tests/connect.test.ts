import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './support';

let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.emu.reset();
});

const REFRESH = 'https://platform.example/connect/refresh';
const RETURN = 'https://platform.example/connect/return';

async function expressAccount(): Promise<Stripe.Account> {
  return t.stripe.accounts.create({
    type: 'express',
    email: 'coach@example.com',
    country: 'GB',
    capabilities: { transfers: { requested: true } },
    metadata: { user_id: '42' },
  });
}

async function onboardingLink(account: string): Promise<Stripe.AccountLink> {
  return t.stripe.accountLinks.create({ account, type: 'account_onboarding', refresh_url: REFRESH, return_url: RETURN });
}

/** Moves the emulator's clock, through the control API when it has the route. */
async function advanceClock(seconds: number): Promise<void> {
  const res = await t.control('/clock/advance', { seconds });
  if (res.status === 404) t.emu.clock.advance(seconds);
  else expect(res.ok).toBe(true);
}

function get(url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual' });
}

/** Opens the hosted onboarding page and presses one of its buttons, as a browser would. */
async function submitOnboarding(link: Stripe.AccountLink, outcome: 'complete' | 'reject'): Promise<Response> {
  const html = await (await get(link.url)).text();
  const session = /name="session" value="([^"]+)"/.exec(html)?.[1];
  expect(session).toBeDefined();
  expect(html).toContain(outcome === 'complete' ? 'Complete onboarding' : 'Reject');
  return fetch(link.url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ session: session ?? '', outcome }).toString(),
  });
}

function accountEvents(id: string): Stripe.Event[] {
  return t.emu.state.all('events').filter((e) => e.type === 'account.updated' && (e.data.object as { id?: string }).id === id);
}

describe('Connect Express accounts', () => {
  it('creates an account that cannot take charges or payouts yet', async () => {
    const account = await expressAccount();
    expect(account).toMatchObject({
      object: 'account',
      type: 'express',
      email: 'coach@example.com',
      country: 'GB',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: 'inactive' },
      metadata: { user_id: '42' },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
  });

  it('retrieves, updates, lists and deletes accounts', async () => {
    const account = await expressAccount();
    expect((await t.stripe.accounts.retrieve(account.id)).id).toBe(account.id);
    const updated = await t.stripe.accounts.update(account.id, { metadata: { user_id: '', note: 'vip' } });
    expect(updated.metadata).toEqual({ note: 'vip' });
    const second = await expressAccount();
    const list = await t.stripe.accounts.list({ limit: 10 });
    expect(list.data.map((a) => a.id)).toEqual([second.id, account.id]);
    const deleted = await t.stripe.accounts.del(account.id);
    expect(deleted).toEqual({ id: account.id, object: 'account', deleted: true });
    await expect(t.stripe.accounts.retrieve(account.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('answers 404 in Stripe shape for an unknown account', async () => {
    const err: unknown = await t.stripe.accounts.retrieve('acct_missing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such account: 'acct_missing'" });
    const linkErr: unknown = await onboardingLink('acct_missing').catch((e: unknown) => e);
    expect(linkErr).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'account' });
    const control = await t.control('/connect/accounts/acct_missing/onboarding', { outcome: 'complete' });
    expect(control.status).toBe(404);
    expect(await control.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'resource_missing' } });
  });
});

describe('Account links and hosted onboarding', () => {
  it('creates a link that expires after 300 s', async () => {
    const account = await expressAccount();
    const link = await onboardingLink(account.id);
    expect(link.object).toBe('account_link');
    expect(link.url).toMatch(new RegExp(`^${t.url}/_emulator/connect/onboarding/`));
    expect(link.expires_at - link.created).toBe(300);
  });

  it('works once: a second visit goes to refresh_url', async () => {
    const account = await expressAccount();
    const link = await onboardingLink(account.id);
    const first = await get(link.url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/text\/html/);
    const second = await get(link.url);
    expect(second.status).toBe(302);
    expect(second.headers.get('location')).toBe(REFRESH);
  });

  it('an expired link goes to refresh_url', async () => {
    const account = await expressAccount();
    const link = await onboardingLink(account.id);
    await advanceClock(301);
    const res = await get(link.url);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(REFRESH);
  });

  it('completing onboarding enables the account, emits account.updated and returns to return_url', async () => {
    const account = await expressAccount();
    const res = await submitOnboarding(await onboardingLink(account.id), 'complete');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(RETURN);
    const after = await t.stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      capabilities: { transfers: 'active', card_payments: 'active' },
    });
    expect(after.requirements?.currently_due).toEqual([]);
    const events = accountEvents(account.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.account).toBe(account.id);
    expect(events[0]?.data.previous_attributes).toMatchObject({ charges_enabled: false, payouts_enabled: false, details_submitted: false });
    const login = await t.stripe.accounts.createLoginLink(account.id);
    expect(login).toMatchObject({ object: 'login_link' });
    expect((await get(login.url)).status).toBe(200);
  });

  it('a rejected account stays disabled', async () => {
    const account = await expressAccount();
    const res = await submitOnboarding(await onboardingLink(account.id), 'reject');
    expect(res.headers.get('location')).toBe(RETURN);
    const after = await t.stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ charges_enabled: false, payouts_enabled: false });
    expect(after.requirements?.disabled_reason).toBe('rejected.other');
    expect(accountEvents(account.id)).toHaveLength(1);
  });

  it('the control route onboards without the page', async () => {
    const account = await expressAccount();
    const res = await t.control(`/connect/accounts/${account.id}/onboarding`, { outcome: 'complete' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: account.id, charges_enabled: true, payouts_enabled: true });
    expect(accountEvents(account.id)).toHaveLength(1);
    const bad = await t.control(`/connect/accounts/${account.id}/onboarding`, { outcome: 'maybe' });
    expect(bad.status).toBe(400);
  });

  it('a login link needs a finished onboarding', async () => {
    const account = await expressAccount();
    await expect(t.stripe.accounts.createLoginLink(account.id)).rejects.toMatchObject({ statusCode: 400 });
  });
});
