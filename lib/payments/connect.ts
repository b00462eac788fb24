import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { connectAccounts, stripeTransfers, type ConnectAccount } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { getStripe } from './stripe-client';
import { stripeErrorCode, type StripeAccount, type StripeTransfer } from './stripe-types';
import type { PaymentWork } from './sync';

/**
 * Stripe Connect (express) for providers: one connected account each, made
 * once; onboarding through Stripe's hosted page; what the account can do
 * (charges, payouts, what is still due) read from Stripe, on `account.updated`
 * and on the provider's return, never assumed. Payouts are Transfers to it.
 */

export interface ConnectState {
  account_id: string | null;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  requirements_due: string[];
}

function stateOf(row: ConnectAccount | undefined): ConnectState {
  return {
    account_id: row?.stripeAccountId ?? null,
    charges_enabled: row?.chargesEnabled ?? false,
    payouts_enabled: row?.payoutsEnabled ?? false,
    details_submitted: row?.detailsSubmitted ?? false,
    requirements_due: row?.requirementsDue ?? [],
  };
}

async function accountRow(userId: string): Promise<ConnectAccount | undefined> {
  const [row] = await getDb().select().from(connectAccounts).where(eq(connectAccounts.userId, userId)).limit(1);
  return row;
}

/** What the provider's account can do, as last heard from Stripe; `refresh` reads it from Stripe first (the return from onboarding). */
export async function connectState(userId: string, options: { refresh?: boolean } = {}): Promise<ConnectState> {
  const row = await accountRow(userId);
  if (row && options.refresh) {
    const account = await getStripe().accounts.retrieve(row.stripeAccountId);
    await getDb().transaction((tx) => applyAccount(tx, account));
    return stateOf(await accountRow(userId));
  }
  return stateOf(row);
}

/** The account's capabilities and what is due, from Stripe's account object. */
export async function applyAccount(tx: Tx, account: StripeAccount): Promise<void> {
  await tx
    .update(connectAccounts)
    .set({
      chargesEnabled: account.charges_enabled ?? false,
      payoutsEnabled: account.payouts_enabled ?? false,
      detailsSubmitted: account.details_submitted ?? false,
      requirementsDue: account.requirements?.currently_due ?? [],
      updatedAt: new Date(),
    })
    .where(eq(connectAccounts.stripeAccountId, account.id));
}

/** The provider's express account, created once (the idempotency key and the unique user row make a retry find the first). */
async function ensureAccount(user: { id: string; email: string }): Promise<string> {
  const existing = await accountRow(user.id);
  if (existing) return existing.stripeAccountId;
  const account = await getStripe().accounts.create(
    { type: 'express', email: user.email, capabilities: { transfers: { requested: true } }, metadata: { user_id: user.id } },
    { idempotencyKey: `connect-account:${user.id}` },
  );
  await getDb()
    .insert(connectAccounts)
    .values({ userId: user.id, stripeAccountId: account.id, requirementsDue: account.requirements?.currently_due ?? [] })
    .onConflictDoNothing();
  return (await accountRow(user.id))!.stripeAccountId;
}

/** A fresh onboarding link (single-use, short-lived): `refreshUrl` mints another when it has expired. */
export async function onboardingLink(user: { id: string; email: string }, urls: { refreshUrl: string; returnUrl: string }): Promise<string> {
  const account = await ensureAccount(user);
  const link = await getStripe().accountLinks.create({ account, type: 'account_onboarding', refresh_url: urls.refreshUrl, return_url: urls.returnUrl });
  return link.url;
}

/** A login link to the provider's Express dashboard; only once the account is onboarded. */
export async function dashboardLink(userId: string): Promise<string> {
  const row = await accountRow(userId);
  if (!row) throw new AppError('not_connected', 'Connect a Stripe account first.');
  if (!row.detailsSubmitted) throw new AppError('not_connected', 'Finish onboarding with Stripe first.');
  const link = await getStripe().accounts.createLoginLink(row.stripeAccountId);
  return link.url;
}

/** Links a connected account made elsewhere (the demo launcher) to a provider; its state is read from Stripe. */
export async function linkConnectAccount(userId: string, stripeAccountId: string): Promise<void> {
  const account = await getStripe().accounts.retrieve(stripeAccountId);
  await getDb().transaction(async (tx) => {
    await tx.insert(connectAccounts).values({ userId, stripeAccountId }).onConflictDoNothing();
    await applyAccount(tx, account);
  });
}

export type TransferResult = { ok: true; transferId: string } | { ok: false; code: string; reason: string };

/**
 * Pays a payout by one Transfer to the provider's connected account. The
 * idempotency key is the payout's id, so a retry (the job after a crash)
 * gets the same transfer, never a second. Stripe's refusal (for example
 * `balance_insufficient`) is an answer, not an exception; a network failure throws, to be retried.
 */
export async function transferPayout(payout: { id: string; providerId: string; amount: number; currency: string }): Promise<TransferResult> {
  const row = await accountRow(payout.providerId);
  if (!row) return { ok: false, code: 'not_connected', reason: 'The provider has no connected Stripe account.' };
  let transfer: StripeTransfer;
  try {
    transfer = await getStripe().transfers.create(
      {
        amount: payout.amount,
        currency: payout.currency,
        destination: row.stripeAccountId,
        transfer_group: `payout_${payout.id}`,
        metadata: { payout_id: payout.id, provider_id: payout.providerId },
        description: 'Wellbook payout',
      },
      { idempotencyKey: `payout:${payout.id}` },
    );
  } catch (err) {
    const code = stripeErrorCode(err);
    if (!code) throw err;
    logger.warn('stripe refused a payout transfer', { payout_id: payout.id, code });
    return { ok: false, code, reason: (err as Error).message };
  }
  await getDb().transaction((tx) => applyTransfer(tx, transfer));
  return { ok: true, transferId: transfer.id };
}

/** A transfer (and its reversals) as Stripe has it now; keyed by the transfer id. */
export async function applyTransfer(tx: Tx, transfer: StripeTransfer): Promise<void> {
  const payoutId = transfer.metadata?.payout_id;
  if (!payoutId) return;
  const destination = typeof transfer.destination === 'string' ? transfer.destination : (transfer.destination?.id ?? '');
  await tx
    .insert(stripeTransfers)
    .values({ id: transfer.id, payoutId, destination, amount: transfer.amount, amountReversed: transfer.amount_reversed, currency: transfer.currency })
    .onConflictDoUpdate({ target: stripeTransfers.id, set: { amountReversed: transfer.amount_reversed, updatedAt: new Date() } });
}

/** Webhook work for Connect events: each reads the current object from Stripe, then applies it in the event's transaction. */
export async function accountWork(accountId: string): Promise<PaymentWork | null> {
  const [row] = await getDb().select({ id: connectAccounts.userId }).from(connectAccounts).where(eq(connectAccounts.stripeAccountId, accountId)).limit(1);
  if (!row) return null;
  const account = await getStripe().accounts.retrieve(accountId);
  return (tx) => applyAccount(tx, account);
}

export async function transferWork(transferId: string): Promise<PaymentWork | null> {
  const transfer = await getStripe().transfers.retrieve(transferId);
  return (tx) => applyTransfer(tx, transfer);
}

/** payout.paid / payout.failed on a connected account: the provider's bank payout, kept as the account's last. */
export function bankPayoutWork(accountId: string | undefined, payout: { id: string; status: string }): PaymentWork | null {
  if (!accountId) return null;
  return async (tx) => {
    await tx.update(connectAccounts).set({ lastPayoutId: payout.id, lastPayoutStatus: payout.status, updatedAt: new Date() }).where(eq(connectAccounts.stripeAccountId, accountId));
  };
}
