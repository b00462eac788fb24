import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { failure, type TestEmulator } from './support';
import { withEmulatorAndReceiver, type Receiver } from './webhook-receiver';

let t: TestEmulator;
let rcv: Receiver;

withEmulatorAndReceiver((emulator, receiver) => {
  t = emulator;
  rcv = receiver;
});

function accountEvents(id: string): Stripe.Event[] {
  return t.emu.state.all('events').filter((e) => e.type === 'account.updated' && (e.data.object as { id?: string }).id === id);
}

describe('account objects', () => {
  it('an Express account has its controller, settings and requirements as Stripe returns them', async () => {
    const account = await t.stripe.accounts.create({ type: 'express', country: 'GB', email: 'coach@example.com' });
    expect(account.controller).toEqual({
      fees: { payer: 'application_express' },
      is_controller: true,
      losses: { payments: 'application' },
      requirement_collection: 'stripe',
      stripe_dashboard: { type: 'express' },
      type: 'application',
    });
    expect(account.settings?.payouts).toEqual({ debit_negative_balances: true, schedule: { delay_days: 7, interval: 'daily' }, statement_descriptor: null });
    expect(account.settings?.dashboard).toEqual({ display_name: null, timezone: 'Europe/London' });
    expect(account.settings?.card_payments.decline_on).toEqual({ avs_failure: false, cvc_failure: false });
    expect(account.requirements).toMatchObject({ disabled_reason: 'requirements.past_due', errors: [], pending_verification: [], current_deadline: null });
    expect(account.requirements?.currently_due).toContain('external_account');
    expect(account.business_profile).toMatchObject({ mcc: null, url: null, name: null });
    expect(account.default_currency).toBe('gbp');
  });

  it('controller properties describe the account instead of type', async () => {
    const express = await t.stripe.accounts.create({
      controller: { fees: { payer: 'application' }, losses: { payments: 'application' }, stripe_dashboard: { type: 'express' } },
    });
    expect(express.type).toBe('express');
    expect(express.controller).toMatchObject({ fees: { payer: 'application_express' }, stripe_dashboard: { type: 'express' }, requirement_collection: 'stripe' });
    const standard = await t.stripe.accounts.create({ controller: { stripe_dashboard: { type: 'full' } } });
    expect(standard.type).toBe('standard');
    expect(standard.controller).toMatchObject({ fees: { payer: 'account' }, losses: { payments: 'stripe' } });
    const both = await failure(t.stripe.accounts.create({ type: 'express', controller: { stripe_dashboard: { type: 'express' } } }));
    expect([both.statusCode, both.param]).toEqual([400, 'controller']);
  });

  it('updates business profile, settings and terms; what they settle leaves requirements; account.updated each time', async () => {
    const account = await t.stripe.accounts.create({ type: 'express' });
    const updated = await t.stripe.accounts.update(account.id, {
      business_type: 'individual',
      business_profile: { mcc: '7997', url: 'https://coach.example', name: 'Coach Ada' },
      settings: { payouts: { schedule: { interval: 'weekly', weekly_anchor: 'friday' } }, payments: { statement_descriptor: 'COACH ADA' } },
      tos_acceptance: { date: 1_700_000_000, ip: '203.0.113.7' },
    });
    expect(updated.business_profile).toMatchObject({ mcc: '7997', url: 'https://coach.example', name: 'Coach Ada' });
    expect(updated.settings?.payouts?.schedule).toMatchObject({ interval: 'weekly', weekly_anchor: 'friday' });
    expect(updated.settings?.payments.statement_descriptor).toBe('COACH ADA');
    expect(updated.tos_acceptance).toMatchObject({ date: 1_700_000_000, ip: '203.0.113.7' });
    for (const settled of ['business_profile.mcc', 'business_profile.url', 'business_type', 'tos_acceptance.date', 'tos_acceptance.ip']) {
      expect(updated.requirements?.currently_due).not.toContain(settled);
    }
    expect(updated.requirements?.currently_due).toEqual(['external_account', 'individual.dob.day', 'individual.first_name', 'individual.last_name']);
    const [event] = accountEvents(account.id);
    expect(event?.account).toBe(account.id);
    expect(Object.keys(event?.data.previous_attributes ?? {}).sort()).toEqual(['business_profile', 'business_type', 'requirements', 'settings', 'tos_acceptance']);

    // An update that changes nothing announces nothing.
    await t.stripe.accounts.update(account.id, { business_type: 'individual' });
    expect(accountEvents(account.id)).toHaveLength(1);
    const bad = await failure(t.stripe.accounts.update(account.id, { settings: { payouts: { schedule: { interval: 'hourly' as 'daily' } } } }));
    expect(bad.param).toBe('settings[payouts][schedule][interval]');
  });

  it('lists with pagination and created, retrieves the current account, deletes', async () => {
    const first = await t.stripe.accounts.create({ type: 'express' });
    const second = await t.stripe.accounts.create({ type: 'standard' });
    const page = await t.stripe.accounts.list({ limit: 1 });
    expect([page.data.map((a) => a.id), page.has_more]).toEqual([[second.id], true]);
    expect((await t.stripe.accounts.list({ starting_after: second.id })).data.map((a) => a.id)).toEqual([first.id]);
    expect((await t.stripe.accounts.list({ created: { gt: second.created ?? 0 } })).data).toEqual([]);

    expect((await t.stripe.accounts.retrieveCurrent()).id).toBe('acct_emulator_platform');
    expect((await t.stripe.accounts.retrieveCurrent({}, { stripeAccount: first.id })).id).toBe(first.id);
    expect((await t.stripe.accounts.list({}, { stripeAccount: first.id })).data).toEqual([]);
    expect((await failure(t.stripe.accounts.retrieve(second.id, {}, { stripeAccount: first.id }))).statusCode).toBe(404);

    expect(await t.stripe.accounts.del(first.id)).toEqual({ id: first.id, object: 'account', deleted: true });
    expect((await failure(t.stripe.accounts.retrieve(first.id))).code).toBe('resource_missing');
    expect((await t.stripe.accounts.list()).data.map((a) => a.id)).toEqual([second.id]);
  });
});

describe('onboarding and account.updated to Connect endpoints', () => {
  it('completion through the control API announces the enabled account to Connect endpoints only', async () => {
    await t.stripe.webhookEndpoints.create({ url: `${rcv.url}?platform`, enabled_events: ['account.updated'] });
    const hook = await t.stripe.webhookEndpoints.create({ url: `${rcv.url}?connect`, enabled_events: ['account.updated'], connect: true });
    const account = await t.stripe.accounts.create({ type: 'express' });
    const res = await t.control(`/connect/accounts/${account.id}/onboarding`, { outcome: 'complete' });
    expect(res.status).toBe(200);
    const [delivered] = await rcv.waitFor(1);
    const event = t.stripe.webhooks.constructEvent(delivered?.body ?? '', delivered?.signature ?? '', hook.secret ?? '');
    expect(event.type).toBe('account.updated');
    expect(event.account).toBe(account.id);
    expect(event.data.object).toMatchObject({ id: account.id, charges_enabled: true, payouts_enabled: true, details_submitted: true, requirements: { currently_due: [] } });
    expect(event.data.previous_attributes).toMatchObject({ charges_enabled: false, payouts_enabled: false, details_submitted: false });
    await new Promise((r) => setTimeout(r, 150));
    expect(rcv.requests).toHaveLength(1);
    // Capabilities requested after onboarding are granted at once.
    const more = await t.stripe.accounts.update(account.id, { capabilities: { card_payments: { requested: true } } });
    expect(more.capabilities).toMatchObject({ transfers: 'active', card_payments: 'active' });
  });
});

describe('login links', () => {
  it('Express only, once onboarded; the link opens a dashboard with the balance and payments', async () => {
    const account = await t.stripe.accounts.create({ type: 'express', email: 'coach@example.com' });
    expect((await failure(t.stripe.accounts.createLoginLink(account.id))).statusCode).toBe(400);
    await t.control(`/connect/accounts/${account.id}/onboarding`, { outcome: 'complete' });
    await t.stripe.paymentIntents.create({ amount: 10_000, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true });
    await t.stripe.transfers.create({ amount: 2_500, currency: 'gbp', destination: account.id });

    const link = await t.stripe.accounts.createLoginLink(account.id);
    expect(link).toMatchObject({ object: 'login_link' });
    expect(link.created).toBeGreaterThan(0);
    expect(link.url).toMatch(new RegExp(`^${t.url}/_emulator/connect/express/\\w+$`));
    expect(link.url).not.toContain(account.id);
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(account.id);
    expect(html).toContain('coach@example.com');
    expect(html).toContain('£25.00');
    expect((await fetch(`${t.url}/_emulator/connect/express/nope`)).status).toBe(404);

    const standard = await t.stripe.accounts.create({ type: 'standard' });
    await t.control(`/connect/accounts/${standard.id}/onboarding`, { outcome: 'complete' });
    const notExpress = await failure(t.stripe.accounts.createLoginLink(standard.id));
    expect([notExpress.statusCode, notExpress.message]).toEqual([400, 'Cannot create a login link for an account that is not an Express account.']);
  });
});
