import 'server-only';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { bookings, classes, connectAccounts, earningLines, earningTotals, payments, payouts, sessionTypes, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { money } from '@/lib/money';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import type {
  CurrencyTotals,
  EarningLineDto,
  EarningLinesPage,
  EarningsTotalsDto,
  EarningState,
  PayoutCandidate,
  PayoutDto,
  PayoutsPage,
  PayoutStatementDto,
  WeeklyNet,
} from './types';

const clients = alias(users, 'client');

/** A provider's totals per currency, read from the running sums (one row per state), never from the lines. */
export async function earningsTotals(providerId: string): Promise<EarningsTotalsDto> {
  const rows = await getDb().select().from(earningTotals).where(eq(earningTotals.providerId, providerId));
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const row of rows) {
    if (row.state === 'reversed') continue;
    let t = byCurrency.get(row.currency);
    if (!t) {
      t = emptyTotals(row.currency);
      byCurrency.set(row.currency, t);
    }
    t[row.state].amount += row.amount;
    t.total.amount += row.amount;
  }
  const all = [...byCurrency.values()].sort((a, b) => b.total.amount - a.total.amount || a.currency.localeCompare(b.currency));
  const main = all[0] ?? emptyTotals(await getSetting('default_currency'));
  return {
    provider_id: providerId,
    pending: main.pending,
    available: main.available,
    paid_out: main.paid_out,
    total: main.total,
    ...(all.length > 1 ? { by_currency: all } : {}),
  };
}

function emptyTotals(currency: string): CurrencyTotals {
  return { currency, pending: money(0, currency), available: money(0, currency), paid_out: money(0, currency), total: money(0, currency) };
}

const lineColumns = {
  line: earningLines,
  classTitle: classes.title,
  typeName: sessionTypes.name,
  clientName: clients.name,
  startsAt: bookings.startsAt,
  paymentProvider: payments.provider,
};

type LineRow = {
  line: typeof earningLines.$inferSelect;
  classTitle: string | null;
  typeName: string | null;
  clientName: string | null;
  startsAt: Date | null;
  paymentProvider: string | null;
};

function linesFrom(where: SQL | undefined) {
  return getDb()
    .select(lineColumns)
    .from(earningLines)
    .leftJoin(bookings, eq(bookings.id, earningLines.bookingId))
    .leftJoin(classes, eq(classes.id, bookings.classId))
    .leftJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .leftJoin(clients, eq(clients.id, bookings.clientId))
    .leftJoin(payments, eq(payments.id, earningLines.paymentId))
    .where(where);
}

export function toLineDto(r: LineRow): EarningLineDto {
  const l = r.line;
  const what = r.classTitle ?? r.typeName ?? 'Booking';
  return {
    id: l.id,
    provider_id: l.providerId,
    kind: l.kind,
    booking_id: l.bookingId,
    payment_id: l.paymentId,
    payment_provider: r.paymentProvider === 'mpesa' ? 'mpesa' : r.paymentProvider === 'card' ? 'card' : null,
    credit_id: l.creditId,
    complimentary: l.complimentary,
    state: l.state,
    gross: money(l.gross, l.currency),
    fee: money(l.fee, l.currency),
    net: money(l.net, l.currency),
    description: l.kind === 'clawback' ? `Refund after payout: ${what}` : l.complimentary ? `${what} (complimentary credit: earns nothing)` : what,
    client_name: r.clientName,
    session_starts_at: r.startsAt?.toISOString() ?? null,
    clawback_of: l.clawbackOf,
    created_at: l.createdAt.toISOString(),
    delivered_at: l.deliveredAt?.toISOString() ?? null,
    payout_id: l.payoutId,
  };
}

/** A provider's lines, newest first, by state and creation time [from, to). */
export async function listEarningLines(
  providerId: string,
  q: { state?: EarningState; from?: Date; to?: Date; page: number; pageSize: number },
): Promise<EarningLinesPage> {
  const where = and(
    eq(earningLines.providerId, providerId),
    q.state ? eq(earningLines.state, q.state) : undefined,
    q.from ? gte(earningLines.createdAt, q.from) : undefined,
    q.to ? lt(earningLines.createdAt, q.to) : undefined,
  );
  // Without dates, the count comes from the running totals (one row per state), not from every line.
  const count =
    q.from || q.to
      ? getDb().select({ n: sql<number>`count(*)::int` }).from(earningLines).where(where)
      : getDb()
          .select({ n: sql<number>`coalesce(sum(${earningTotals.lines}), 0)::int` })
          .from(earningTotals)
          .where(and(eq(earningTotals.providerId, providerId), q.state ? eq(earningTotals.state, q.state) : undefined));
  const [rows, [counted]] = await Promise.all([
    linesFrom(where)
      .orderBy(desc(earningLines.createdAt), desc(earningLines.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    count,
  ]);
  return { lines: rows.map(toLineDto), total: counted?.n ?? 0, page: q.page, page_size: q.pageSize };
}

/** Net earned per week (by when each line was made), oldest first, the last `weeks` weeks in the platform's zone, empty weeks as 0. */
export async function weeklyNet(providerId: string, weeks: number, at: Date = new Date()): Promise<WeeklyNet[]> {
  const zone = await getSetting('platform_time_zone');
  const currency = (await earningsTotals(providerId)).total.currency;
  const rows = await getDb().execute<{ week: string; net: number }>(sql`
    with w as (select generate_series(date_trunc('week', (${at.toISOString()}::timestamptz at time zone ${zone})) - (${weeks - 1} * interval '1 week'),
                                      date_trunc('week', (${at.toISOString()}::timestamptz at time zone ${zone})), interval '1 week') as week)
    select to_char(w.week, 'YYYY-MM-DD') as week, coalesce(sum(l.net), 0)::int as net
    from w left join earning_lines l
      on l.provider_id = ${providerId} and l.currency = ${currency}
     and date_trunc('week', l.created_at at time zone ${zone}) = w.week
    group by w.week order by w.week`);
  return [...rows].map((r) => ({ week_start: r.week, net: Number(r.net), currency }));
}

const payoutColumns = {
  payout: payouts,
  providerName: users.name,
  lineCount: sql<number>`(select count(*)::int from earning_lines l where l.payout_id = ${payouts.id})`,
};

function toPayoutDto(r: { payout: typeof payouts.$inferSelect; providerName: string; lineCount: number }): PayoutDto {
  const p = r.payout;
  return {
    id: p.id,
    provider_id: p.providerId,
    provider_name: r.providerName,
    method: p.method,
    status: p.status,
    amount: money(p.amount, p.currency),
    reference: p.reference,
    stripe_transfer_id: p.stripeTransferId,
    failure_reason: p.failureReason,
    line_count: r.lineCount,
    created_by: p.createdBy,
    created_at: p.createdAt.toISOString(),
    paid_at: p.paidAt?.toISOString() ?? null,
  };
}

/** Whose payouts the actor may see: a provider their own, an admin anyone's (or one provider's); clients none. */
function payoutScope(actor: PublicUser, providerId?: string): SQL | undefined {
  if (actor.role === 'admin') return providerId ? eq(payouts.providerId, providerId) : undefined;
  if (actor.role === 'provider') return eq(payouts.providerId, actor.id);
  throw new AppError('forbidden', 'Only providers and admins see payouts.');
}

export async function listPayouts(actor: PublicUser, q: { providerId?: string; page: number; pageSize: number }): Promise<PayoutsPage> {
  const where = payoutScope(actor, q.providerId);
  const [rows, [count]] = await Promise.all([
    getDb()
      .select(payoutColumns)
      .from(payouts)
      .innerJoin(users, eq(users.id, payouts.providerId))
      .where(where)
      .orderBy(desc(payouts.createdAt), desc(payouts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    getDb().select({ n: sql<number>`count(*)::int` }).from(payouts).where(where),
  ]);
  return { payouts: rows.map(toPayoutDto), total: count?.n ?? 0, page: q.page, page_size: q.pageSize };
}

export async function getPayout(id: string, actor: PublicUser): Promise<PayoutDto> {
  const [row] = await getDb()
    .select(payoutColumns)
    .from(payouts)
    .innerJoin(users, eq(users.id, payouts.providerId))
    .where(and(eq(payouts.id, id), payoutScope(actor)))
    .limit(1);
  // Another provider's payout does not exist, as far as this caller can tell.
  if (!row) throw new AppError('not_found', 'No such payout.');
  return toPayoutDto(row);
}

/** A payout's statement: every line and clawback it paid, with totals that add up to its amount. */
export async function getPayoutStatement(id: string, actor: PublicUser): Promise<PayoutStatementDto> {
  const payout = await getPayout(id, actor);
  const rows = await linesFrom(eq(earningLines.payoutId, id)).orderBy(earningLines.createdAt, earningLines.id);
  const lines = rows.map(toLineDto);
  const currency = payout.amount.currency;
  const sum = (pick: (l: EarningLineDto) => number, kind: 'earning' | 'clawback') => lines.filter((l) => l.kind === kind).reduce((s, l) => s + pick(l), 0);
  return {
    ...payout,
    lines,
    totals: {
      gross: money(sum((l) => l.gross.amount, 'earning'), currency),
      fee: money(sum((l) => l.fee.amount, 'earning'), currency),
      net: money(sum((l) => l.net.amount, 'earning'), currency),
      clawbacks: money(sum((l) => l.net.amount, 'clawback'), currency),
    },
  };
}

export async function providerOfPayout(id: string): Promise<string | null> {
  const [row] = await getDb().select({ providerId: payouts.providerId }).from(payouts).where(eq(payouts.id, id)).limit(1);
  return row?.providerId ?? null;
}

/** Every provider, with what is available per currency and whether Stripe can pay them (admin's payouts page). */
export async function payoutCandidates(): Promise<PayoutCandidate[]> {
  const rows = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      accountId: connectAccounts.stripeAccountId,
      payoutsEnabled: connectAccounts.payoutsEnabled,
      currency: earningTotals.currency,
      amount: earningTotals.amount,
    })
    .from(users)
    .leftJoin(connectAccounts, eq(connectAccounts.userId, users.id))
    .leftJoin(earningTotals, and(eq(earningTotals.providerId, users.id), eq(earningTotals.state, 'available')))
    .where(eq(users.role, 'provider'))
    .orderBy(users.name);
  const out = new Map<string, PayoutCandidate>();
  for (const r of rows) {
    let c = out.get(r.id);
    if (!c) {
      c = { provider_id: r.id, provider_name: r.name, email: r.email, available: [], connect_account_id: r.accountId, payouts_enabled: r.payoutsEnabled ?? false };
      out.set(r.id, c);
    }
    if (r.currency && r.amount !== null && r.amount !== 0) c.available.push(money(r.amount, r.currency));
  }
  return [...out.values()];
}
