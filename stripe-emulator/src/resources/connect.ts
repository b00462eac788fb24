import type Stripe from 'stripe';
import type { Module } from '../emulator';
import { invalidRequest, missingParam } from '../http/errors';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import type { ApiContext } from '../http/router';
import { newSecret } from '../store/ids';
import { createAccount, getAccount, updateAccount } from './connect-accounts';
import { installOnboardingPages } from './connect-pages';
import * as P from '../params/connect';

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
  emu.state.put('account_links', token, { object: link, account: accountId, used: false, refresh_url: refreshUrl, return_url: returnUrl });
  return link;
}

function expandParam(ctx: ApiContext): string[] | undefined {
  const list = (ctx.method === 'GET' ? ctx.query : ctx.body).list('expand');
  return list?.filter((v): v is string => typeof v === 'string');
}

export const connectModule: Module = (emu) => {
  emu.router.api('POST', '/v1/accounts', P.CREATE, (ctx) => expand(ctx.emu.state, createAccount(ctx), expandParam(ctx)));
  emu.router.api('GET', '/v1/accounts', P.LIST, (ctx) => paginate(ctx.emu.state.all('accounts'), ctx.query, '/v1/accounts'));
  emu.router.api('GET', '/v1/accounts/:id', P.RETRIEVE, (ctx) => expand(ctx.emu.state, getAccount(ctx.emu, ctx.params.id ?? ''), expandParam(ctx)));
  emu.router.api('POST', '/v1/accounts/:id', P.UPDATE, (ctx) => expand(ctx.emu.state, updateAccount(ctx), expandParam(ctx)));
  emu.router.api('DELETE', '/v1/accounts/:id', P.DELETE, (ctx): Stripe.DeletedAccount => {
    const id = ctx.params.id ?? '';
    getAccount(ctx.emu, id);
    ctx.emu.state.delete('accounts', id);
    return { id, object: 'account', deleted: true };
  });
  emu.router.api('POST', '/v1/accounts/:id/login_links', P.CREATE_LOGIN_LINK, (ctx): Stripe.LoginLink => {
    const account = getAccount(ctx.emu, ctx.params.id ?? '');
    if (account.type !== 'express') {
      throw invalidRequest('Cannot create a login link for an account that is not an Express account.', { param: 'account' });
    }
    if (!account.details_submitted) {
      throw invalidRequest('Cannot create a login link for an account that has not completed onboarding.', { param: 'account' });
    }
    return { object: 'login_link', created: ctx.emu.clock.now(), url: `${ctx.emu.url}/_emulator/connect/dashboard/${account.id}` };
  });
  emu.router.api('POST', '/v1/account_links', P.CREATE_ACCOUNT_LINK, createAccountLink);

  installOnboardingPages(emu);
};
