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
  const [[bounds], revenue, [bookings], [refunds], questionnaires, mail, failedWebhooks, candidates] = await Promise.all([
    db.execute<{ start: Date; end: Date }>(sql`
      select (date_trunc('day', ${at.toISOString()}::timestamptz at time zone ${zone}) at time zone ${zone}) as start,
             ((date_trunc('day', ${at.toISOString()}::timestamptz at time zone ${zone}) + interval '1 day') at time zone ${zone}) as end`),
    db.execute<{ currency: string; charged: number; refunded: number }>(sql`
      select currency,
             coalesce(sum(gross) filter (where type <> 'refund'), 0)::int as charged,
             coalesce(-sum(gross) filter (where type = 'refund'), 0)::int as refunded
      from payment_transactions
      where created_at >= date_trunc('day', ${at.toISOString()}::timestamptz at time zone ${zone}) at time zone ${zone}
        and created_at < ${at.toISOString()}::timestamptz + interval '1 second'
      group by currency order by currency`),
    db.execute<{ made: number; sessions: number }>(sql`
      with day as (
        select date_trunc('day', ${at.toISOString()}::timestamptz at time zone ${zone}) at time zone ${zone} as start
      )
      select
        (select count(*) from bookings, day where created_at >= day.start and created_at < day.start + interval '1 day' and status not in ('expired', 'pending_payment'))::int as made,
        (select count(*) from bookings, day where starts_at >= day.start and starts_at < day.start + interval '1 day' and status in ('confirmed', 'in_progress', 'completed', 'no_show'))::int as sessions`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from refunds where status in ('failed', 'requires_action')`),
    listQuestionnaires(admin, { state: 'needs_clearance', page: 1, pageSize: 1 }),
    listMessages({ state: 'failed', page: 1, page_size: 1 }),
    countFailedWebhookEvents(),
    payoutCandidates(),
  ]);
  return {
    day_start: new Date(bounds?.start ?? at).toISOString(),
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
