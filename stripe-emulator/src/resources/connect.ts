import type Stripe from 'stripe';
import type { Module } from '../emulator';
import { invalidRequest, missingParam } from '../http/errors';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import type { ApiContext } from '../http/router';
import * as P from '../params/connect';
import { newSecret } from '../store/ids';
import { createAccount, getAccount, platformAccount, updateAccount } from './connect-accounts';
import { installOnboardingPages } from './connect-pages';
import { createdFilter, expandPaths } from './util';

/** Account links live 300 s on the emulator's clock, as Stripe's do (about five minutes). */
export const ACCOUNT_LINK_TTL_S = 300;

function createAccountLink(ctx: ApiContext): Stripe.AccountLink {
  const { body, emu } = ctx;
  const accountId = body.requiredString('account');
  getAccount(emu, accountId, 'account');
  const type = body.requiredString('type');
  if (type !== 'account_onboarding' && type !== 'account_update') {
    throw invalidRequest(`Invalid type: must be one of account_onboarding or account_update`, { param: 'type' });
  }
  const refreshUrl = body.string('refresh_url');
  const returnUrl = body.string('return_url');
  if (!refreshUrl) throw missingParam('refresh_url');
  if (!returnUrl) throw missingParam('return_url');
  for (const [param, value] of [['refresh_url', refreshUrl], ['return_url', returnUrl]] as const) {
    if (!/^https?:\/\//i.test(value)) throw invalidRequest(`Not a valid URL`, { param, code: 'url_invalid' });
  }
  const token = newSecret(32);
  const now = emu.clock.now();
  const link: Stripe.AccountLink = {
    object: 'account_link',
    created: now,
    expires_at: now + ACCOUNT_LINK_TTL_S,
    url: `${emu.url}/_emulator/connect/onboarding/${token}`,
  };
  emu.state.put('account_links', token, { object: link, account: accountId, used: false, refresh_url: refreshUrl, return_url: returnUrl }, null);
  return link;
}

/** A login link to the account's Express dashboard (the emulator's page behind a secret token). */
function createLoginLink(ctx: ApiContext): Stripe.LoginLink {
  const account = getAccount(ctx.emu, ctx.params.id ?? '');
  if (account.type !== 'express' && account.controller?.stripe_dashboard?.type !== 'express') {
    throw invalidRequest('Cannot create a login link for an account that is not an Express account.', { param: 'account' });
  }
  if (!account.details_submitted) {
    throw invalidRequest('Cannot create a login link for an account that has not completed onboarding.', { param: 'account' });
  }
  const token = newSecret(32);
  const created = ctx.emu.clock.now();
  ctx.emu.state.put('login_links', token, { account: account.id, expires_at: created + ACCOUNT_LINK_TTL_S }, null);
  return { object: 'login_link', created, url: `${ctx.emu.url}/_emulator/connect/express/${token}` };
}

export const connectModule: Module = (emu) => {
  const { router } = emu;
  router.api('POST', '/v1/accounts', P.CREATE, (ctx) => expand(ctx.emu.state, createAccount(ctx), expandPaths(ctx)));
  router.api('GET', '/v1/accounts', P.LIST, (ctx) => {
    // A connected account has no accounts of its own.
    const created = createdFilter(ctx.query);
    const items = ctx.account ? [] : ctx.emu.state.all('accounts').filter((a) => created(a.created ?? 0));
    return expand(ctx.emu.state, paginate(items, ctx.query, '/v1/accounts'), expandPaths(ctx));
  });
  router.api('GET', '/v1/account', P.RETRIEVE_CURRENT, (ctx) =>
    expand(ctx.emu.state, ctx.account ? getAccount(ctx.emu, ctx.account) : platformAccount(), expandPaths(ctx)),
  );
  router.api('GET', '/v1/accounts/:id', P.RETRIEVE, (ctx) => expand(ctx.emu.state, getAccount(ctx.emu, ctx.params.id ?? ''), expandPaths(ctx)));
  router.api('POST', '/v1/accounts/:id', P.UPDATE, (ctx) => expand(ctx.emu.state, updateAccount(ctx), expandPaths(ctx)));
  router.api('DELETE', '/v1/accounts/:id', P.DELETE, (ctx): Stripe.DeletedAccount => {
    const id = ctx.params.id ?? '';
    getAccount(ctx.emu, id);
    ctx.emu.state.delete('accounts', id);
    return { id, object: 'account', deleted: true };
  });
  router.api('POST', '/v1/accounts/:id/login_links', P.CREATE_LOGIN_LINK, createLoginLink);
  router.api('POST', '/v1/account_links', P.CREATE_ACCOUNT_LINK, createAccountLink);

  installOnboardingPages(emu);
};
