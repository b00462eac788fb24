import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { NO_PROVIDER } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { getSetting } from '@/lib/settings';
import type { SummaryInterval } from './api-schemas';
import { addCounts, emptyCounts, figuresOf, type SummaryCounts, type SummaryFigures } from './summary-figures';
import { dayOf, intervalStarts } from './summary-intervals';

/** The longest span one summary covers. */
export const MAX_SUMMARY_DAYS = 3 * 366;

export interface SummaryRequest {
  /** First day, "YYYY-MM-DD", a day of the platform's zone (included). */
  from: string;
  /** The day after the last one (excluded). */
  to: string;
  interval: SummaryInterval;
  providerId?: string;
  currency?: string;
}

export interface SummaryEntry extends SummaryFigures {
  /** The first day of the interval (the range's first day for a cut-off first interval). */
  start: string;
}

export interface ProviderSummary extends SummaryFigures {
  /** Null for money and credits no provider is paid through (class packages). */
  provider_id: string | null;
  name: string;
}

/** The money of the span by how it was paid: card (Stripe) or mpesa, per currency. */
export type PaymentProviderSummary = { payment_provider: 'card' | 'mpesa' } & Pick<
  SummaryFigures,
  'currency' | 'gross' | 'refunds' | 'net' | 'platform_fees' | 'provider_share' | 'payments_succeeded'
>;

export interface Summary {
  from: string;
  to: string;
  interval: SummaryInterval;
  zone: string;
  totals: SummaryFigures[];
  series: SummaryEntry[];
  by_provider: ProviderSummary[];
  by_payment_provider: PaymentProviderSummary[];
}

const COUNT_COLUMNS = Object.keys(emptyCounts()) as (keyof SummaryCounts)[];

/** [from, to) as days; a 400 naming `to` when empty or too long. */
export function summaryRange(from: string, to: string): void {
  const days = (dayOf(to).getTime() - dayOf(from).getTime()) / 86_400_000;
  if (days <= 0) throw new AppError('validation_failed', 'The range is empty.', { fields: { to: ['"to" must be after "from".'] } });
  if (days > MAX_SUMMARY_DAYS) {
    throw new AppError('validation_failed', 'The range can be at most three years.', { fields: { to: ['The range can be at most three years.'] } });
  }
}

/** The rollup keeps the days of every zone it was asked for; a new zone is built once from the ledger and bookings. */
async function ensureZone(zone: string): Promise<void> {
  const known = await getDb().execute(sql`select 1 from report_zones where zone = ${zone}`);
  if ([...known].length) return;
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select report_build_zone(${zone})`);
  });
}

/** One source of rows (day, currency, provider_id, some counts); the other counts are 0. */
function source(select: Partial<Record<keyof SummaryCounts, SQL>>, rest: SQL): SQL {
  const columns = COUNT_COLUMNS.map((c) => sql`${select[c] ?? sql`0`}::bigint as ${sql.raw(c)}`);
  return sql`select day, currency, provider_id, ${sql.join(columns, sql`, `)} ${rest}`;
}

type Row = Record<keyof SummaryCounts, string | number> & {
  bucket: string | null;
  provider_id: string | null;
  currency: string;
};

function counts(row: Row): SummaryCounts {
  const c = emptyCounts();
  for (const key of COUNT_COLUMNS) c[key] = Number(row[key]);
  return c;
}

/**
 * The summary of [from, to) in the platform's zone: every figure of
 * summary-figures.ts per currency, per interval and per provider. Money,
 * payments, bookings and class capacity come from the daily rollup the
 * triggers of migration 0009 keep in step with the ledger, payments, bookings
 * and classes; credits and new clients from their own tables through indexes
 * on their times.
 */
export async function reportSummary(q: SummaryRequest): Promise<Summary> {
  summaryRange(q.from, q.to);
  const zone = await getSetting('platform_time_zone');
  await ensureZone(zone);

  const start = sql`(${q.from}::date::timestamp at time zone ${zone})`;
  const end = sql`(${q.to}::date::timestamp at time zone ${zone})`;
  const inRange = (column: SQL) => sql`${column} >= ${start} and ${column} < ${end}`;
  const localDay = (column: SQL) => sql`(${column} at time zone ${zone})::date`;
  const byProvider = (column: SQL) => (q.providerId ? sql`and ${column} = ${q.providerId}` : sql``);
  const byCurrency = (column: SQL) => (q.currency ? sql`and ${column} = ${q.currency}` : sql``);

  const sources = [
    source(
      {
        gross: sql`gross`,
        refunds: sql`refunds`,
        platform_fees: sql`platform_fees`,
        provider_share: sql`provider_share`,
        payments_succeeded: sql`payments_succeeded`,
        payments_failed: sql`payments_failed`,
        bookings_confirmed: sql`bookings_confirmed`,
        bookings_cancelled: sql`bookings_cancelled`,
        bookings_completed: sql`bookings_completed`,
        bookings_no_show: sql`bookings_no_show`,
        class_seats: sql`class_seats`,
        class_capacity: sql`class_capacity`,
      },
      sql`from report_daily where zone = ${zone} and day >= ${q.from}::date and day < ${q.to}::date ${byProvider(sql`provider_id`)} ${byCurrency(sql`currency`)}`,
    ),
    source(
      {
        credits_used: sql`case e.kind when 'use' then 1 when 'return' then -1 else 0 end`,
        credits_expired: sql`case when e.kind = 'expire' then -e.delta else 0 end`,
      },
      sql`from (select ${localDay(sql`ce.created_at`)} as day, cr.currency, coalesce(b.provider_id, ${NO_PROVIDER}::uuid) as provider_id, ce.kind, ce.delta
                from credit_entries ce join credits cr on cr.id = ce.credit_id left join bookings b on b.id = ce.booking_id
                where ce.kind in ('use', 'return', 'expire') and ${inRange(sql`ce.created_at`)} ${byProvider(sql`b.provider_id`)} ${byCurrency(sql`cr.currency`)}) e`,
    ),
    source(
      { credits_sold: sql`s.total_uses` },
      sql`from (select ${localDay(sql`purchased_at`)} as day, currency, ${NO_PROVIDER}::uuid as provider_id, total_uses from credits
                where source = 'purchase' and ${inRange(sql`purchased_at`)} ${q.providerId ? sql`and false` : sql``} ${byCurrency(sql`currency`)}) s`,
    ),
    source(
      { new_clients: sql`1` },
      sql`from (select ${localDay(sql`first_at`)} as day, currency, provider_id from report_first_charges
                where ${inRange(sql`first_at`)} ${byProvider(sql`provider_id`)} ${byCurrency(sql`currency`)}) f`,
    ),
  ];

  const sums = sql.join(
    COUNT_COLUMNS.map((c) => sql`sum(${sql.raw(c)})::bigint as ${sql.raw(c)}`),
    sql`, `,
  );
  const result = await getDb().execute<Row>(sql`
    select to_char(bucket, 'YYYY-MM-DD') as bucket, provider_id, currency, ${sums}
    from (select greatest(date_trunc(${q.interval}, day::timestamp)::date, ${q.from}::date) as bucket, s.* from (${sql.join(sources, sql` union all `)}) s) g
    group by grouping sets ((bucket, currency), (provider_id, currency))`);
  const rows = [...result];
  const byPaymentProvider = await paymentProviderMoney(inRange(sql`t.created_at`), q);

  const totals = new Map<string, SummaryCounts>();
  const buckets = new Map<string, SummaryCounts>();
  const providers = new Map<string, SummaryCounts>();
  for (const row of rows) {
    const c = counts(row);
    if (row.bucket !== null) {
      buckets.set(`${row.bucket}|${row.currency}`, c);
      const total = totals.get(row.currency) ?? emptyCounts();
      totals.set(row.currency, addCounts(total, c));
    } else {
      providers.set(`${row.provider_id}|${row.currency}`, c);
    }
  }
  if (q.currency && !totals.has(q.currency)) totals.set(q.currency, emptyCounts());
  const currencies = [...totals.keys()].sort();

  const names = await providerNames([...providers.keys()].map((k) => k.split('|')[0] as string));
  const byProviderRows: ProviderSummary[] = [...providers.entries()]
    .map(([key, c]) => {
      const [id = '', currency = ''] = key.split('|');
      const none = id === NO_PROVIDER;
      return { provider_id: none ? null : id, name: none ? 'No provider (class packages)' : (names.get(id) ?? 'Unknown provider'), ...figuresOf(currency, c) };
    })
    .sort((a, b) => a.currency.localeCompare(b.currency) || b.gross - a.gross || a.name.localeCompare(b.name));

  return {
    from: q.from,
    to: q.to,
    interval: q.interval,
    zone,
    totals: currencies.map((currency) => figuresOf(currency, totals.get(currency) ?? emptyCounts())),
    series: intervalStarts(q.from, q.to, q.interval).flatMap((day) =>
      currencies.map((currency) => ({ start: day, ...figuresOf(currency, buckets.get(`${day}|${currency}`) ?? emptyCounts()) })),
    ),
    by_provider: byProviderRows,
    by_payment_provider: byPaymentProvider,
  };
}

/** The ledger's money of the span by payment provider, with the same definitions as the totals (cash basis, refunds net). */
async function paymentProviderMoney(inRange: SQL, q: SummaryRequest): Promise<PaymentProviderSummary[]> {
  const rows = await getDb().execute<{ payment_provider: string; currency: string; gross: string; refunds: string; platform_fees: string; provider_share: string; payments_succeeded: string }>(sql`
    select p.provider as payment_provider, t.currency,
           coalesce(sum(t.gross) filter (where t.type <> 'refund'), 0)::bigint as gross,
           coalesce(-sum(t.gross) filter (where t.type = 'refund'), 0)::bigint as refunds,
           sum(t.fee)::bigint as platform_fees, sum(t.net)::bigint as provider_share,
           count(*) filter (where t.type <> 'refund')::bigint as payments_succeeded
    from payment_transactions t join payments p on p.id = t.payment_id
    where ${inRange}
      ${q.providerId ? sql`and coalesce(p.provider_id, ${NO_PROVIDER}::uuid) = ${q.providerId}` : sql``}
      ${q.currency ? sql`and t.currency = ${q.currency}` : sql``}
    group by 1, 2
    order by 2, 1`);
  return [...rows].map((r) => {
    const gross = Number(r.gross);
    const refunds = Number(r.refunds);
    return {
      payment_provider: r.payment_provider === 'mpesa' ? 'mpesa' : 'card',
      currency: r.currency,
      gross,
      refunds,
      net: gross - refunds,
      platform_fees: Number(r.platform_fees),
      provider_share: Number(r.provider_share),
      payments_succeeded: Number(r.payments_succeeded),
    };
  });
}

async function providerNames(ids: string[]): Promise<Map<string, string>> {
  const real = [...new Set(ids)].filter((id) => id !== NO_PROVIDER);
  if (!real.length) return new Map();
  const rows = await getDb().execute<{ id: string; name: string }>(
    sql`select id, name from users where id in (${sql.join(
      real.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map([...rows].map((r) => [r.id, r.name]));
}
