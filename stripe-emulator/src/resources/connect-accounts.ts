import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest, noSuch } from '../http/errors';
import { mergeMetadata, type Params } from '../http/params';
import type { ApiContext } from '../http/router';
import { newId } from '../store/ids';

/** What a new Express account still owes before Stripe lets it take charges and payouts. */
const INITIAL_DUE = [
  'business_profile.mcc',
  'business_profile.url',
  'business_type',
  'external_account',
  'individual.dob.day',
  'individual.first_name',
  'individual.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

const CURRENCY_BY_COUNTRY: Record<string, string> = { GB: 'gbp', US: 'usd', CA: 'cad', AU: 'aud', IE: 'eur', FR: 'eur', DE: 'eur', NL: 'eur', ES: 'eur', IT: 'eur' };
const ACCOUNT_TYPES = ['express', 'standard', 'custom'] as const;
type AccountType = (typeof ACCOUNT_TYPES)[number] | 'none';

function requirements(due: string[], disabledReason: Stripe.Account.Requirements.DisabledReason | null): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: disabledReason,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  };
}

/** Who controls an account of each legacy type, as Stripe describes it on the account. */
function controllerFor(type: AccountType, from?: Stripe.Account.Controller): Stripe.Account.Controller {
  if (from) return { ...from, is_controller: true, type: 'application' };
  const table: Record<Exclude<AccountType, 'none'>, Omit<Stripe.Account.Controller, 'is_controller' | 'type'>> = {
    express: { fees: { payer: 'application_express' }, losses: { payments: 'application' }, requirement_collection: 'stripe', stripe_dashboard: { type: 'express' } },
    standard: { fees: { payer: 'account' }, losses: { payments: 'stripe' }, requirement_collection: 'stripe', stripe_dashboard: { type: 'full' } },
    custom: { fees: { payer: 'application_custom' }, losses: { payments: 'application' }, requirement_collection: 'application', stripe_dashboard: { type: 'none' } },
  };
  return { ...table[type === 'none' ? 'express' : type], is_controller: true, type: 'application' };
}

/** `controller[...]` of a create request, and the legacy type it amounts to. */
function controllerParam(body: Params): { controller: Stripe.Account.Controller; type: AccountType } | undefined {
  const p = body.object('controller');
  if (!p) return undefined;
  const dashboard = p.object('stripe_dashboard')?.string('type') ?? 'full';
  const payer = p.object('fees')?.string('payer') ?? (dashboard === 'full' ? 'account' : 'application');
  const losses = p.object('losses')?.string('payments') ?? (dashboard === 'full' ? 'stripe' : 'application');
  const collection = p.string('requirement_collection') ?? 'stripe';
  const controller: Stripe.Account.Controller = {
    fees: { payer: payer === 'application' && dashboard === 'express' ? 'application_express' : payer === 'application' && dashboard === 'none' ? 'application_custom' : payer },
    is_controller: true,
    losses: { payments: losses },
    requirement_collection: collection,
    stripe_dashboard: { type: dashboard },
    type: 'application',
  };
  const type: AccountType =
    dashboard === 'express' && losses === 'application' && collection === 'stripe'
      ? 'express'
      : dashboard === 'full' && payer === 'account' && losses === 'stripe'
        ? 'standard'
        : dashboard === 'none' && collection === 'application'
          ? 'custom'
          : 'none';
  return { controller, type };
}

function businessProfile(p: Params | undefined, current?: Stripe.Account.BusinessProfile | null): Stripe.Account.BusinessProfile {
  const base: Stripe.Account.BusinessProfile = current ?? {
    annual_revenue: null,
    estimated_worker_count: null,
    mcc: null,
    minority_owned_business_designation: null,
    name: null,
    product_description: null,
    specified_commercial_transactions_act_url: null,
    support_address: null,
    support_email: null,
    support_phone: null,
    support_url: null,
    url: null,
  };
  if (!p) return base;
  const text = (name: 'mcc' | 'name' | 'product_description' | 'support_email' | 'support_phone' | 'support_url' | 'url'): string | null =>
    p.has(name) ? p.string(name) || null : (base[name] ?? null);
  return {
    ...base,
    mcc: text('mcc'),
    name: text('name'),
    product_description: text('product_description'),
    support_email: text('support_email'),
    support_phone: text('support_phone'),
    support_url: text('support_url'),
    url: text('url'),
  };
}

function defaultSettings(country: string): Stripe.Account.Settings {
  return {
    bacs_debit_payments: { display_name: null, service_user_number: null },
    branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
    card_issuing: { tos_acceptance: { date: null, ip: null } },
    card_payments: { decline_on: { avs_failure: false, cvc_failure: false }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
    dashboard: { display_name: null, timezone: country === 'GB' ? 'Europe/London' : 'Etc/UTC' },
    invoices: { default_account_tax_ids: null, hosted_payment_method_save: 'offer' },
    payments: {
      statement_descriptor: null,
      statement_descriptor_kana: null,
      statement_descriptor_kanji: null,
      statement_descriptor_prefix_kana: null,
      statement_descriptor_prefix_kanji: null,
    },
    payouts: { debit_negative_balances: true, schedule: { delay_days: country === 'GB' ? 7 : 2, interval: 'daily' }, statement_descriptor: null },
    sepa_debit_payments: {},
  };
}

/** `settings[...]`: the parts the emulator keeps (branding colours, statement descriptors, payout schedule). */
function settingsParam(p: Params | undefined, current: Stripe.Account.Settings): Stripe.Account.Settings {
  if (!p) return current;
  const next = structuredClone(current);
  const branding = p.object('branding');
  if (branding) {
    if (branding.has('primary_color')) next.branding.primary_color = branding.string('primary_color') || null;
    if (branding.has('secondary_color')) next.branding.secondary_color = branding.string('secondary_color') || null;
  }
  const payments = p.object('payments');
  if (payments?.has('statement_descriptor')) next.payments.statement_descriptor = payments.string('statement_descriptor') || null;
  const cardPayments = p.object('card_payments');
  if (cardPayments?.has('statement_descriptor_prefix')) next.card_payments.statement_descriptor_prefix = cardPayments.string('statement_descriptor_prefix') || null;
  const payouts = p.object('payouts');
  const schedule = payouts?.object('schedule');
  if (next.payouts && payouts) {
    if (payouts.has('statement_descriptor')) next.payouts.statement_descriptor = payouts.string('statement_descriptor') || null;
    if (payouts.has('debit_negative_balances')) next.payouts.debit_negative_balances = payouts.boolean('debit_negative_balances') ?? true;
    if (schedule) {
      const interval = schedule.string('interval');
      if (interval && !['manual', 'daily', 'weekly', 'monthly'].includes(interval)) {
        throw invalidRequest('Invalid interval: must be one of manual, daily, weekly, or monthly', { param: 'settings[payouts][schedule][interval]' });
      }
      const delay = schedule.string('delay_days');
      next.payouts.schedule = {
        ...next.payouts.schedule,
        ...(interval ? { interval } : {}),
        ...(delay !== undefined && delay !== 'minimum' ? { delay_days: schedule.requiredInteger('delay_days') } : {}),
        ...(schedule.has('weekly_anchor') ? { weekly_anchor: schedule.string('weekly_anchor') ?? '' } : {}),
        ...(schedule.has('monthly_anchor') ? { monthly_anchor: schedule.integer('monthly_anchor') ?? 1 } : {}),
      };
    }
  }
  return next;
}

function requestedCapabilities(body: Params, type: string): Stripe.Account.Capabilities {
  const caps: Stripe.Account.Capabilities = {};
  const requested = body.object('capabilities');
  for (const name of ['transfers', 'card_payments'] as const) {
    if (requested?.object(name)?.boolean('requested')) caps[name] = 'inactive';
  }
  // An Express account cannot exist without a capability; the platform's usual choice is transfers.
  if (type === 'express' && Object.keys(caps).length === 0) caps.transfers = 'inactive';
  return caps;
}

/** The requirements a field given through the API settles (the rest are settled by onboarding). */
function settled(account: Stripe.Account, requirement: string): boolean {
  switch (requirement) {
    case 'business_profile.mcc':
      return Boolean(account.business_profile?.mcc);
    case 'business_profile.url':
      return Boolean(account.business_profile?.url || account.business_profile?.product_description);
    case 'business_type':
      return Boolean(account.business_type);
    case 'tos_acceptance.date':
      return Boolean(account.tos_acceptance?.date);
    case 'tos_acceptance.ip':
      return Boolean(account.tos_acceptance?.ip);
    default:
      return false;
  }
}

function withRequirementsSettled(account: Stripe.Account): Stripe.Account {
  const req = account.requirements;
  if (!req) return account;
  const keep = (list: string[] | null): string[] => (list ?? []).filter((r) => !settled(account, r));
  return { ...account, requirements: { ...req, currently_due: keep(req.currently_due), eventually_due: keep(req.eventually_due), past_due: keep(req.past_due) } };
}

/**
 * The account, for the platform, or for the account itself (a request made with its own
 * `Stripe-Account`); 404 otherwise.
 */
export function getAccount(emu: Emulator, id: string, param = 'id'): Stripe.Account {
  const account = emu.state.data.accounts[id];
  const scope = emu.state.scope;
  if (!account || (scope !== undefined && scope !== null && scope !== id)) throw noSuch('account', id, param);
  return account;
}

/** Replaces the account, emitting account.updated (on the account) with the top-level fields that changed. */
export function saveAccount(emu: Emulator, next: Stripe.Account, ctx?: Pick<ApiContext, 'requestId' | 'idempotencyKey'>): Stripe.Account {
  const current = getAccount(emu, next.id);
  const previous: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(current), ...Object.keys(next)])) {
    const before = (current as unknown as Record<string, unknown>)[key];
    const after = (next as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) previous[key] = before ?? null;
  }
  emu.state.put('accounts', next.id, next);
  if (Object.keys(previous).length > 0) emu.events.emit('account.updated', next, { previous, ctx, account: next.id });
  return next;
}

export type OnboardingOutcome = 'complete' | 'reject';

/** What finishing (or failing) the hosted onboarding does to an account. */
export function finishOnboarding(emu: Emulator, id: string, outcome: OnboardingOutcome): Stripe.Account {
  const account = structuredClone(getAccount(emu, id));
  const capabilities: Stripe.Account.Capabilities = {};
  const names = Object.keys(account.capabilities ?? {}) as (keyof Stripe.Account.Capabilities)[];
  if (outcome === 'complete') {
    for (const name of new Set([...names, 'transfers', 'card_payments'] as const)) capabilities[name] = 'active';
  } else {
    for (const name of names) capabilities[name] = 'inactive';
  }
  const now = emu.clock.now();
  const next: Stripe.Account = {
    ...account,
    business_type: account.business_type ?? 'individual',
    capabilities,
    charges_enabled: outcome === 'complete',
    payouts_enabled: outcome === 'complete',
    details_submitted: true,
    requirements: requirements([], outcome === 'complete' ? null : 'rejected.other'),
    future_requirements: { ...requirements([], null), past_due: [] },
    tos_acceptance: { date: now, ip: '127.0.0.1', user_agent: 'stripe-emulator' },
  };
  if (outcome === 'reject') {
    next.requirements = { ...requirements([], 'rejected.other'), past_due: [], eventually_due: [] };
  }
  return saveAccount(emu, next);
}

export function createAccount(ctx: ApiContext): Stripe.Account {
  const { body, emu } = ctx;
  const controlled = controllerParam(body);
  if (controlled && body.has('type')) {
    throw invalidRequest('You cannot specify both `type` and `controller`; use `controller` to describe the account.', { param: 'controller' });
  }
  const type: AccountType = controlled?.type ?? ((body.string('type') ?? 'express') as AccountType);
  if (!controlled && !(ACCOUNT_TYPES as readonly string[]).includes(type)) {
    throw invalidRequest(`Invalid type: must be one of custom, express, or standard`, { param: 'type' });
  }
  const country = (body.string('country') ?? 'GB').toUpperCase();
  const id = newId('acct', 16);
  const tos = body.object('tos_acceptance');
  const account: Stripe.Account = {
    id,
    object: 'account',
    business_profile: businessProfile(body.object('business_profile')),
    business_type: (body.string('business_type') || null) as Stripe.Account.BusinessType | null,
    capabilities: requestedCapabilities(body, type),
    charges_enabled: false,
    controller: controllerFor(type, controlled?.controller),
    country,
    created: emu.clock.now(),
    default_currency: body.string('default_currency')?.toLowerCase() ?? CURRENCY_BY_COUNTRY[country] ?? 'usd',
    details_submitted: false,
    email: body.string('email') ?? null,
    external_accounts: { object: 'list', data: [], has_more: false, url: `/v1/accounts/${id}/external_accounts` },
    future_requirements: { ...requirements([], null), past_due: [] },
    metadata: mergeMetadata({}, body.metadata()),
    payouts_enabled: false,
    requirements: requirements(INITIAL_DUE, 'requirements.past_due'),
    settings: settingsParam(body.object('settings'), defaultSettings(country)),
    tos_acceptance: { date: tos?.integer('date') ?? null, ip: tos?.string('ip') ?? null, user_agent: tos?.string('user_agent') ?? null },
    type,
  };
  return emu.state.put('accounts', id, withRequirementsSettled(account), null);
}

export function updateAccount(ctx: ApiContext): Stripe.Account {
  const current = getAccount(ctx.emu, ctx.params.id ?? '');
  const account = structuredClone(current);
  const { body } = ctx;
  if (body.has('metadata')) account.metadata = mergeMetadata(account.metadata ?? {}, body.metadata());
  if (body.has('email')) account.email = body.string('email') || null;
  if (body.has('business_profile')) account.business_profile = businessProfile(body.object('business_profile'), account.business_profile);
  if (body.has('business_type')) account.business_type = (body.string('business_type') || null) as Stripe.Account.BusinessType | null;
  if (body.has('default_currency')) account.default_currency = body.string('default_currency')?.toLowerCase() ?? account.default_currency;
  if (body.has('settings')) account.settings = settingsParam(body.object('settings'), account.settings ?? defaultSettings(account.country ?? 'GB'));
  const tos = body.object('tos_acceptance');
  if (tos) {
    account.tos_acceptance = {
      ...account.tos_acceptance,
      ...(tos.has('date') ? { date: tos.integer('date') ?? null } : {}),
      ...(tos.has('ip') ? { ip: tos.string('ip') || null } : {}),
      ...(tos.has('user_agent') ? { user_agent: tos.string('user_agent') || null } : {}),
    };
  }
  // A capability asked for later is granted at once when the account is already enabled.
  const enabled = account.details_submitted && account.charges_enabled;
  const requested = requestedCapabilities(body, '');
  for (const name of Object.keys(requested) as (keyof Stripe.Account.Capabilities)[]) {
    account.capabilities = { ...account.capabilities, [name]: account.capabilities?.[name] ?? (enabled ? 'active' : 'inactive') };
  }
  return saveAccount(ctx.emu, withRequirementsSettled(account), ctx);
}

/** `GET /v1/account` without Stripe-Account: the platform's own account, as the emulator plays it. */
export function platformAccount(): Stripe.Account {
  return {
    id: 'acct_emulator_platform',
    object: 'account',
    business_profile: businessProfile(undefined),
    business_type: 'company',
    capabilities: { card_payments: 'active', transfers: 'active' },
    charges_enabled: true,
    controller: { type: 'account' },
    country: 'GB',
    created: 0,
    default_currency: 'gbp',
    details_submitted: true,
    email: null,
    metadata: {},
    payouts_enabled: true,
    requirements: { ...requirements([], null), past_due: [] },
    settings: defaultSettings('GB'),
    tos_acceptance: { date: 0, ip: '127.0.0.1', user_agent: 'stripe-emulator' },
    type: 'standard',
  } satisfies Stripe.Account;
}
