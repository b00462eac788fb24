import 'server-only';
import { recordAudit, SYSTEM_ACTOR } from '@/lib/audit';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { earningLines, payouts } from '@/db/schema';
import { now } from '@/lib/clock';
import { failPayout, getPayout, payoutCandidates, reservePayout, settlePayout, type ConnectStatusDto, type PayoutDto } from '@/lib/earnings';
import { AppError } from '@/lib/errors';
import { enqueue, QUEUES } from '@/lib/jobs';
import { logger } from '@/lib/logger';
import { queueMessage } from '@/lib/mail';
import type { Tx } from '@/db/client';
import { connectState, dashboardLink, onboardingLink, transferPayout } from '@/lib/payments';
import type { PublicUser } from '@/lib/users';

/**
 * Where earnings and payments meet: payouts paid by Stripe transfers, and a
 * provider's Connect account. Earnings know nothing of Stripe; payments know
 * nothing of earnings.
 */

function requireProvider(user: PublicUser): void {
  if (user.role !== 'provider') throw new AppError('forbidden', 'Only providers connect a Stripe account.');
}

export async function connectStatus(user: PublicUser, options: { refresh?: boolean } = {}): Promise<ConnectStatusDto> {
  requireProvider(user);
  return connectState(user.id, options);
}

export async function connectOnboardingUrl(user: PublicUser, origin: string): Promise<string> {
  requireProvider(user);
  return onboardingLink(user, { refreshUrl: `${origin}/api/v1/connect/refresh`, returnUrl: `${origin}/provider/payouts?connect=return` });
}

export async function connectDashboardUrl(user: PublicUser): Promise<string> {
  requireProvider(user);
  return dashboardLink(user.id);
}

/**
 * Sends a Stripe payout's transfer, once: the transfer's idempotency key is
 * the payout id, and the payout changes only while it is pending. Stripe's
 * refusal fails the payout with its reason and frees its lines for the next
 * one; a network failure throws (the job retries).
 */
export async function sendPayout(payoutId: string): Promise<void> {
  const [payout] = await getDb().select().from(payouts).where(and(eq(payouts.id, payoutId), eq(payouts.status, 'pending'), eq(payouts.method, 'stripe'))).limit(1);
  if (!payout) return;
  const result = await transferPayout(payout);
  await getDb().transaction(async (tx) => {
    if (!result.ok) return failPayout(tx, payoutId, `${result.code}: ${result.reason}`, now());
    if (await settlePayout(tx, payoutId, { transferId: result.transferId, at: now() })) await announcePayout(tx, payoutId);
    return true;
  });
}

export interface CreatePayoutsInput {
  provider_id?: string;
  method: 'stripe' | 'manual';
  reference?: string;
}

/**
 * Runs payouts (an admin, or the weekly schedule with no actor): for one
 * provider or all, each currency with a positive available total becomes one
 * payout. By Stripe only when the provider's account has payouts enabled (one
 * provider asked for: 409 saying so; everyone: skipped). Each payout's lines
 * are reserved in a transaction that also queues its transfer job; the
 * transfer is then tried at once, and the job is the safety net.
 */
export async function createPayouts(actor: PublicUser | null, input: CreatePayoutsInput): Promise<PayoutDto[]> {
  if (actor && actor.role !== 'admin') throw new AppError('forbidden', 'Only admins run payouts.');
  const candidates = (await payoutCandidates()).filter((c) => !input.provider_id || c.provider_id === input.provider_id);
  if (input.provider_id && candidates.length === 0) throw new AppError('not_found', 'No such provider.');
  const created: string[] = [];
  for (const c of candidates) {
    if (input.method === 'stripe' && !c.payouts_enabled) {
      if (input.provider_id) {
        throw new AppError(
          'payouts_not_enabled',
          c.connect_account_id
            ? `${c.provider_name}'s Stripe account cannot receive payouts yet (onboarding is not finished). Record a manual payout instead.`
            : `${c.provider_name} has not connected a Stripe account. Record a manual payout instead.`,
        );
      }
      continue;
    }
    for (const available of c.available.filter((m) => m.amount > 0)) {
      const at = now();
      const payout = await getDb().transaction(async (tx) => {
        const reserved = await reservePayout(tx, {
          providerId: c.provider_id,
          currency: available.currency,
          method: input.method,
          reference: input.method === 'manual' ? (input.reference ?? null) : null,
          createdBy: actor?.id ?? null,
          at,
        });
        if (reserved) {
          await recordAudit(tx, actor ? { id: actor.id, role: actor.role } : SYSTEM_ACTOR, {
            action: 'payout.created',
            subject_type: 'payout',
            subject_id: reserved.id,
            after: { provider_id: reserved.providerId, amount: reserved.amount, currency: reserved.currency, method: reserved.method, reference: input.method === 'manual' ? (input.reference ?? null) : null },
          });
        }
        if (reserved?.method === 'manual') await announcePayout(tx, reserved.id);
        if (reserved && reserved.method === 'stripe') await enqueue(tx, QUEUES.payoutTransfer, { payoutId: reserved.id }, { retryLimit: 20, retryDelay: 10, retryBackoff: true });
        return reserved;
      });
      if (!payout) continue;
      created.push(payout.id);
      if (payout.method === 'stripe') {
        await sendPayout(payout.id).catch((err: unknown) => logger.warn('payout transfer will be retried by the worker', { payout_id: payout.id, message: (err as Error).message }));
      }
    }
  }
  const viewer: PublicUser = actor ?? { id: '', email: '', name: 'worker', role: 'admin', created_at: '' };
  return Promise.all(created.map((id) => getPayout(id, viewer)));
}

/** The provider hears of a payout once it is paid, with its statement's link. */
async function announcePayout(tx: Tx, payoutId: string): Promise<void> {
  const [p] = await tx.select().from(payouts).where(eq(payouts.id, payoutId)).limit(1);
  if (!p) return;
  const [lines] = await tx.select({ n: sql<number>`count(*)::int` }).from(earningLines).where(eq(earningLines.payoutId, payoutId));
  await queueMessage(tx, {
    key: `payout_sent:${payoutId}`,
    template: 'payout_sent',
    data: { payout_id: p.id, amount: { amount: p.amount, currency: p.currency }, method: p.method, reference: p.reference ?? p.stripeTransferId, line_count: lines?.n ?? 0 },
    userId: p.providerId,
  });
}
