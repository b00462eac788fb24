import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { payoutCandidates } from '@/lib/earnings';
import { listMessages } from '@/lib/mail';
import { countFailedWebhookEvents } from '@/lib/payments';
import { listQuestionnaires } from '@/lib/questionnaire';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';

/**
 * The admin's first page: how today is going and what needs a person. Read
 * only; each count comes from the module that owns the rule where one exists
 * (a questionnaire awaiting clearance, a failed message), else from the rows.
 */

export interface TodayRevenue {
  currency: string;
  /** Charged today (cards and class passes), minor units. */
  charged: number;
  /** Refunded today, minor units, positive. */
  refunded: number;
  net: number;
}

export interface AdminDashboard {
  /** The start of today in the platform's zone. */
  day_start: string;
  zone: string;
  revenue: TodayRevenue[];
  bookings_made: number;
  sessions_today: number;
  attention: {
    questionnaires_to_clear: number;
    failed_webhooks: number;
    failed_mail: number;
    failed_refunds: number;
    providers_awaiting_payout: number;
  };
}

export async function adminDashboard(admin: PublicUser): Promise<AdminDashboard> {
  const zone = await getSetting('platform_time_zone');
  const at = now();
  const db = getDb();
  // Today's bounds in the platform's zone, once; every figure below counts within them.
  const [bounds] = await db.execute<{ start_ms: string; end_ms: string }>(sql`
    with day as (select date_trunc('day', ${at.toISOString()}::timestamptz at time zone ${zone}) as local)
    select (extract(epoch from local at time zone ${zone}) * 1000)::bigint::text as start_ms,
           (extract(epoch from (local + interval '1 day') at time zone ${zone}) * 1000)::bigint::text as end_ms
    from day`);
  if (!bounds) throw new Error('no day bounds');
  const start = new Date(Number(bounds.start_ms));
  const end = new Date(Number(bounds.end_ms));
  const [revenue, [bookings], [refunds], questionnaires, mail, failedWebhooks, candidates] = await Promise.all([
    db.execute<{ currency: string; charged: number; refunded: number }>(sql`
      select currency,
             coalesce(sum(gross) filter (where type <> 'refund'), 0)::int as charged,
             coalesce(-sum(gross) filter (where type = 'refund'), 0)::int as refunded
      from payment_transactions
      where created_at >= ${start.toISOString()}::timestamptz and created_at < ${end.toISOString()}::timestamptz
      group by currency order by currency`),
    db.execute<{ made: number; sessions: number }>(sql`
      select
        count(*) filter (where created_at >= ${start.toISOString()}::timestamptz and created_at < ${end.toISOString()}::timestamptz
                           and status not in ('expired', 'pending_payment'))::int as made,
        count(*) filter (where starts_at >= ${start.toISOString()}::timestamptz and starts_at < ${end.toISOString()}::timestamptz
                           and status in ('confirmed', 'in_progress', 'completed', 'no_show'))::int as sessions
      from bookings
      where (created_at >= ${start.toISOString()}::timestamptz and created_at < ${end.toISOString()}::timestamptz)
         or (starts_at >= ${start.toISOString()}::timestamptz and starts_at < ${end.toISOString()}::timestamptz)`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from refunds where status in ('failed', 'requires_action')`),
    listQuestionnaires(admin, { state: 'needs_clearance', page: 1, pageSize: 1 }),
    listMessages({ state: 'failed', page: 1, page_size: 1 }),
    countFailedWebhookEvents(),
    payoutCandidates(),
  ]);
  return {
    day_start: start.toISOString(),
    zone,
    revenue: revenue.map((r) => ({ currency: r.currency, charged: Number(r.charged), refunded: Number(r.refunded), net: Number(r.charged) - Number(r.refunded) })),
    bookings_made: Number(bookings?.made ?? 0),
    sessions_today: Number(bookings?.sessions ?? 0),
    attention: {
      questionnaires_to_clear: questionnaires.total,
      failed_webhooks: failedWebhooks,
      failed_mail: mail.total,
      failed_refunds: Number(refunds?.n ?? 0),
      providers_awaiting_payout: candidates.filter((c) => c.available.some((m) => m.amount > 0)).length,
    },
  };
}
