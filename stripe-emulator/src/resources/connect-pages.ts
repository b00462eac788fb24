import type { ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import { readBody, sendHtml, sendJson, type Emulator } from '../emulator';
import { invalidRequest } from '../http/errors';
import { newSecret } from '../store/ids';
import { money, time } from '../control/html';
import { balanceOf, releaseDueFunds } from './balance';
import { finishOnboarding, type OnboardingOutcome } from './connect-accounts';

interface Session {
  token: string;
  account: string;
  return_url: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function redirect(res: ServerResponse, status: 302 | 303, location: string): void {
  res.writeHead(status, { Location: location, 'Content-Length': 0 });
  res.end();
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1a1f36">
<p style="font-size: 0.8rem; color: #697386">Test mode (offline Stripe emulator)</p>
<h1 style="font-size: 1.4rem">${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function onboardingForm(token: string, nonce: string, account: Stripe.Account): string {
  const due = account.requirements?.currently_due ?? [];
  const button = 'padding: 0.6rem 1rem; border-radius: 6px; font-size: 1rem; cursor: pointer';
  return page(
    'Connect onboarding',
    `<p>Account <code>${escapeHtml(account.id)}</code>${account.email ? ` (${escapeHtml(account.email)})` : ''} is setting up payouts.</p>
<p>In test mode no details are needed. Still due: ${due.length ? escapeHtml(due.join(', ')) : 'nothing'}.</p>
<form method="post" action="/_emulator/connect/onboarding/${encodeURIComponent(token)}" style="display: flex; gap: 0.75rem">
  <input type="hidden" name="session" value="${escapeHtml(nonce)}">
  <button type="submit" name="outcome" value="complete" style="${button}; background: #635bff; color: white; border: none">Complete onboarding</button>
  <button type="submit" name="outcome" value="reject" style="${button}; background: white; color: #cd3d64; border: 1px solid #cd3d64">Reject</button>
</form>`,
  );
}

function parseOutcome(value: unknown): OnboardingOutcome {
  if (value === 'complete' || value === 'reject') return value;
  throw invalidRequest("Invalid outcome: must be 'complete' or 'reject'", { param: 'outcome' });
}

/** The hosted onboarding page behind each AccountLink, a control route, and a stand-in Express dashboard. */
export function installOnboardingPages(emu: Emulator): void {
  /** One per page view: the form posts back with it, so a used link's page still works once. */
  const sessions = new Map<string, Session>();
  emu.onReset(() => sessions.clear());

  emu.router.raw('GET', '/_emulator/connect/onboarding/:token', (_req, res, params) => {
    const token = params.token ?? '';
    const entry = emu.state.get('account_links', token);
    if (!entry) {
      sendHtml(res, 404, page('Link not valid', '<p>This onboarding link does not exist or has expired. Ask the platform for a new one.</p>'));
      return;
    }
    if (entry.used || emu.clock.now() >= entry.object.expires_at) {
      redirect(res, 302, entry.refresh_url);
      return;
    }
    const account = emu.state.get('accounts', entry.account);
    if (!account) {
      sendHtml(res, 404, page('Account not found', '<p>The account of this link no longer exists.</p>'));
      return;
    }
    emu.state.put('account_links', token, { ...entry, used: true });
    const nonce = newSecret(24);
    sessions.set(nonce, { token, account: entry.account, return_url: entry.return_url });
    sendHtml(res, 200, onboardingForm(token, nonce, account));
  });

  emu.router.raw('POST', '/_emulator/connect/onboarding/:token', async (req, res, params) => {
    const form = new URLSearchParams(await readBody(req));
    const session = sessions.get(form.get('session') ?? '');
    const link = emu.state.get('account_links', params.token ?? '');
    if (!session || session.token !== params.token) {
      if (link) redirect(res, 303, link.refresh_url);
      else sendHtml(res, 400, page('Session expired', '<p>This onboarding session is over. Ask the platform for a new link.</p>'));
      return;
    }
    sessions.delete(form.get('session') ?? '');
    finishOnboarding(emu, session.account, parseOutcome(form.get('outcome')));
    redirect(res, 303, session.return_url);
  });

  emu.router.raw('POST', '/_emulator/connect/accounts/:id/onboarding', async (req, res, params) => {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)) || '{}');
    } catch {
      throw invalidRequest('The body must be JSON: {"outcome": "complete" | "reject"}.');
    }
    const outcome = parseOutcome(typeof body === 'object' && body !== null && 'outcome' in body ? body.outcome : undefined);
    sendJson(res, 200, finishOnboarding(emu, params.id ?? '', outcome));
  });

  emu.router.raw('GET', '/_emulator/connect/express/:token', (_req, res, params) => {
    const link = emu.state.get('login_links', params.token ?? '');
    const account = link ? emu.state.get('accounts', link.account) : undefined;
    if (!link || !account || emu.clock.now() >= link.expires_at) {
      sendHtml(res, 404, page('Link not valid', '<p>This login link does not exist or has expired. Sign in again from the platform.</p>'));
      return;
    }
    sendHtml(res, 200, expressDashboard(emu, account));
  });
}

/** The stand-in Express dashboard: the account's state, balance and the payments it received. */
function expressDashboard(emu: Emulator, account: Stripe.Account): string {
  releaseDueFunds(emu);
  const rows: [string, string][] = [
    ['Account', account.id],
    ['Email', account.email ?? '-'],
    ['Charges enabled', String(account.charges_enabled)],
    ['Payouts enabled', String(account.payouts_enabled)],
    ['Details submitted', String(account.details_submitted)],
  ];
  const cell = (v: string) => `<td style="padding: 0.2rem 1rem 0.2rem 0">${escapeHtml(v)}</td>`;
  const head = (v: string) => `<th style="text-align: left; padding: 0.2rem 1rem 0.2rem 0">${escapeHtml(v)}</th>`;
  const table = rows.map(([k, v]) => `<tr>${head(k)}${cell(v)}</tr>`).join('');
  const balance = balanceOf(emu, account.id);
  const balanceRows = balance.available
    .map((a) => `<tr>${cell(a.currency.toUpperCase())}${cell(money(a.amount, a.currency))}${cell(money(balance.pending.find((p) => p.currency === a.currency)?.amount ?? 0, a.currency))}</tr>`)
    .join('');
  const payments = emu.state.ownedBy('charges', account.id).slice(0, 20);
  const paymentRows = payments.length
    ? payments.map((c) => `<tr>${cell(c.id)}${cell(money(c.amount, c.currency))}${cell(money(c.amount_refunded, c.currency))}${cell(time(c.created))}</tr>`).join('')
    : '<tr><td colspan="4">No payments yet.</td></tr>';
  return page(
    'Express dashboard',
    `<table data-testid="account">${table}</table>
<h2 style="font-size: 1.1rem">Balance</h2>
<table data-testid="balance"><tr>${head('Currency')}${head('Available')}${head('Pending')}</tr>${balanceRows}</table>
<h2 style="font-size: 1.1rem">Payments received</h2>
<table data-testid="payments"><tr>${head('Payment')}${head('Amount')}${head('Reversed')}${head('Date')}</tr>${paymentRows}</table>`,
  );
}
