import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { owedRefunds, paymentTransactions, payments, refunds, users, type PaymentState } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { containsPattern, escapeLike, isPaymentId } from '@/lib/fields';
import type { Money } from '@/lib/money';
import { maskPhone } from '@/lib/phone';
import { toRefundOwedDto, type RefundOwedDto } from './owed-refunds';
import type { PublicUser } from '@/lib/users';

const clientUser = alias(users, 'payment_client');
const providerUser = alias(users, 'payment_provider');

export interface PaymentDto {
  /** The PaymentIntent id. */
  id: string;
  payable: { type: string; id: string };
  /** A provider sees who paid, not their e-mail. */
  client: { id: string; name: string; email: string | null };
  provider: { id: string; name: string } | null;
  amount: Money;
  platform_fee: { amount: number; bps: number };
  provider_amount: number;
  refunded_amount: number;
  status: PaymentState;
  /** How it was paid: 'card' (Stripe) or 'mpesa'. */
  payment_provider: 'card' | 'mpesa';
  /** The client's card, receipt and decline reason are shown to the client and admins only. */
  card: { brand: string; last4: string } | null;
  /** M-Pesa: the receipt number, and the phone with all but its last 3 digits hidden (the phone for the client and admins only). */
  mpesa: { receipt: string | null; phone: string | null } | null;
  receipt_url: string | null;
  failure: { code: string | null; message: string | null } | null;
  created_at: string;
  succeeded_at: string | null;
  /** Admins only: a refund a cancellation owes that the provider has not yet taken, retried by the worker; null otherwise. */
  refund_owed: RefundOwedDto | null;
}

export interface RefundDto {
  id: string;
  amount: Money;
  status: string;
  reason: string;
  created_at: string;
}

export interface LedgerEntryDto {
  id: number;
  type: 'purchase' | 'single' | 'refund';
  stripe_object_id: string;
  gross: number;
  fee: number;
  net: number;
  currency: string;
  created_at: string;
}

export interface PaymentFilters {
  status?: PaymentState;
  providerId?: string;
  from?: Date;
  to?: Date;
  /** A PaymentIntent id (or its start, "pi_…"), or (staff) the client's name or e-mail. */
  search?: string;
  page: number;
  pageSize: number;
}

function selectPayments() {
  return getDb()
    .select({
      payment: payments,
      clientName: clientUser.name,
      clientEmail: clientUser.email,
      providerName: providerUser.name,
      owed: owedRefunds,
    })
    .from(payments)
    .innerJoin(clientUser, eq(clientUser.id, payments.userId))
    .leftJoin(providerUser, eq(providerUser.id, payments.providerId))
    .leftJoin(owedRefunds, and(eq(owedRefunds.paymentId, payments.id), isNull(owedRefunds.settledAt)));
}

type PaymentRow = Awaited<ReturnType<ReturnType<typeof selectPayments>['limit']>>[number];

/** Who may see a payment: the client who paid, the provider it pays, and admins. */
function visibleTo(viewer: PublicUser): SQL | undefined {
  if (viewer.role === 'admin') return undefined;
  return viewer.role === 'provider' ? eq(payments.providerId, viewer.id) : eq(payments.userId, viewer.id);
}

function toPaymentDto(row: PaymentRow, viewer: PublicUser): PaymentDto {
  const p = row.payment;
  const personal = viewer.role !== 'provider';
  return {
    id: p.id,
    payable: { type: p.payableType, id: p.payableId },
    client: { id: p.userId, name: row.clientName, email: personal ? row.clientEmail : null },
    provider: p.providerId ? { id: p.providerId, name: row.providerName ?? 'Former practitioner' } : null,
    amount: { amount: p.amount, currency: p.currency },
    platform_fee: { amount: p.feeAmount, bps: p.feeBps },
    provider_amount: p.providerAmount,
    refunded_amount: p.refundedAmount,
    status: p.status,
    payment_provider: p.provider === 'mpesa' ? 'mpesa' : 'card',
    card: personal && p.cardBrand && p.cardLast4 ? { brand: p.cardBrand, last4: p.cardLast4 } : null,
    mpesa: p.provider === 'mpesa' ? { receipt: p.mpesaReceipt, phone: personal && p.mpesaPhone ? maskPhone(p.mpesaPhone) : null } : null,
    receipt_url: personal ? p.receiptUrl : null,
    failure: personal && (p.failureCode || p.failureMessage) ? { code: p.failureCode, message: p.failureMessage } : null,
    created_at: p.createdAt.toISOString(),
    succeeded_at: p.succeededAt?.toISOString() ?? null,
    refund_owed: viewer.role === 'admin' && row.owed && p.status !== 'refunded' ? toRefundOwedDto(row.owed) : null,
  };
}

function filterConditions(viewer: PublicUser, filters: Omit<PaymentFilters, 'page' | 'pageSize'>): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleTo(viewer)];
  if (filters.status) where.push(eq(payments.status, filters.status));
  if (filters.providerId) where.push(eq(payments.providerId, filters.providerId));
  if (filters.from) where.push(gte(payments.createdAt, filters.from));
  if (filters.to) where.push(lt(payments.createdAt, filters.to));
  const search = filters.search?.trim();
  if (search) {
    if (/^(pi|mp)_/i.test(search)) where.push(like(payments.id, `${escapeLike(search)}%`));
    else if (viewer.role !== 'client') {
      const pattern = containsPattern(search);
      where.push(or(ilike(clientUser.email, pattern), ilike(clientUser.name, pattern)));
    }
  }
  return and(...where);
}

/** Payments the viewer may see, newest first, a page at a time. */
export async function listPayments(
  viewer: PublicUser,
  filters: PaymentFilters,
): Promise<{ payments: PaymentDto[]; total: number; page: number; page_size: number }> {
  const condition = filterConditions(viewer, filters);
  const [rows, [total]] = await Promise.all([
    selectPayments()
      .where(condition)
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    getDb()
      .select({ n: count() })
      .from(payments)
      .innerJoin(clientUser, eq(clientUser.id, payments.userId))
      .where(condition),
  ]);
  return { payments: rows.map((r) => toPaymentDto(r, viewer)), total: total?.n ?? 0, page: filters.page, page_size: filters.pageSize };
}

/** One payment with its refunds and ledger entries; 404 for anyone it does not concern. */
export async function getPaymentFor(
  id: string,
  viewer: PublicUser,
): Promise<{ payment: PaymentDto; refunds: RefundDto[]; ledger: LedgerEntryDto[] }> {
  if (!isPaymentId(id)) throw new AppError('not_found', 'No such payment.');
  const [row] = await selectPayments()
    .where(and(eq(payments.id, id), visibleTo(viewer)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No such payment.');
  const db = getDb();
  const [refundRows, ledgerRows] = await Promise.all([
    db.select().from(refunds).where(eq(refunds.paymentId, id)).orderBy(asc(refunds.createdAt)),
    db.select().from(paymentTransactions).where(eq(paymentTransactions.paymentId, id)).orderBy(asc(paymentTransactions.id)),
  ]);
  const currency = row.payment.currency;
  return {
    payment: toPaymentDto(row, viewer),
    refunds: refundRows.map((r) => ({
      id: r.id,
      amount: { amount: r.amount, currency },
      status: r.status,
      reason: r.reason,
      created_at: r.createdAt.toISOString(),
    })),
    ledger: ledgerRows.map((t) => ({
      id: t.id,
      type: t.type,
      stripe_object_id: t.stripeObjectId,
      gross: t.gross,
      fee: t.fee,
      net: t.net,
      currency: t.currency,
      created_at: t.createdAt.toISOString(),
    })),
  };
}

/**
 * The card payment that paid one of these payables (a rescheduled booking's
 * payment stays with the original), for the client who paid or an admin; the
 * latest that went through, or null when none did.
 */
export async function settledPaymentOf(viewer: PublicUser, payable: { type: string; ids: string[] }): Promise<PaymentDto | null> {
  const ids = payable.ids.filter(Boolean);
  if (ids.length === 0) return null;
  const [row] = await selectPayments()
    .where(
      and(
        visibleTo(viewer),
        eq(payments.payableType, payable.type),
        inArray(payments.payableId, ids),
        inArray(payments.status, ['succeeded', 'partially_refunded', 'refunded']),
      ),
    )
    .orderBy(desc(payments.succeededAt), desc(payments.id))
    .limit(1);
  return row ? toPaymentDto(row, viewer) : null;
}

export interface PaymentTotals {
  currency: string;
  /** Everything charged to cards. */
  paid_in: number;
  /** Everything given back. */
  refunded: number;
  /** The provider's share after the platform fee and refunds. */
  net_share: number;
}

/** A provider's totals per currency, from the ledger (which always reconciles with the payments). */
export async function providerPaymentTotals(provider: PublicUser): Promise<PaymentTotals[]> {
  const rows = await getDb()
    .select({
      currency: paymentTransactions.currency,
      paidIn: sql<number>`coalesce(sum(${paymentTransactions.gross}) filter (where ${paymentTransactions.type} <> 'refund'), 0)::int`,
      refunded: sql<number>`coalesce(-sum(${paymentTransactions.gross}) filter (where ${paymentTransactions.type} = 'refund'), 0)::int`,
      netShare: sql<number>`coalesce(sum(${paymentTransactions.net}), 0)::int`,
    })
    .from(paymentTransactions)
    .innerJoin(payments, eq(payments.id, paymentTransactions.paymentId))
    .where(eq(payments.providerId, provider.id))
    .groupBy(paymentTransactions.currency)
    .orderBy(asc(paymentTransactions.currency));
  return rows.map((r) => ({ currency: r.currency, paid_in: r.paidIn, refunded: r.refunded, net_share: r.netShare }));
}

/** Payments still waiting on Stripe (created, pending or failed) since before `olderThan`: the reconciliation's work list. */
export async function unsettledPayments(olderThan: Date): Promise<{ id: string; status: PaymentState; payableType: string; payableId: string }[]> {
  return getDb()
    .select({ id: payments.id, status: payments.status, payableType: payments.payableType, payableId: payments.payableId })
    .from(payments)
    .where(and(eq(payments.provider, 'card'), inArray(payments.status, ['created', 'pending', 'failed']), lt(payments.createdAt, olderThan)))
    .orderBy(asc(payments.createdAt));
}

export async function paymentStatus(id: string): Promise<PaymentState | null> {
  const [row] = await getDb().select({ status: payments.status }).from(payments).where(eq(payments.id, id)).limit(1);
  return row?.status ?? null;
}
