import { AlertTriangle, CalendarDays, Wallet } from 'lucide-react';
import { DateTime } from 'luxon';
import type { Metadata } from 'next';
import Link from 'next/link';
import { amountText } from '@/components/earnings/earning-lines-table';
import { currencyTotals } from '@/components/earnings/earnings-totals';
import { netBetween } from '@/components/earnings/month-net';
import { IconCardHeader } from '@/components/empty-state-card';
import { MailSettings } from '@/components/mail/mail-settings';
import { PageHeader } from '@/components/page-header';
import { linkClass } from '@/components/payments/empty-table';
import { Agenda, agendaItems } from '@/components/provider/agenda';
import { AttentionList, attentionItems } from '@/components/provider/attention';
import { isCompletable } from '@/components/schedule/classes-to-complete';
import { StatCards } from '@/components/stat-cards';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { isActive, listBookings } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { earningsTotals } from '@/lib/earnings';
import { connectStatus } from '@/lib/flows';
import { listQuestionnaires, questionnaireStatuses } from '@/lib/questionnaire';
import { listClasses } from '@/lib/schedule';
import { zoneName } from '@/lib/time-format';
import { addDays } from '@/lib/time';
import { getViewerZone } from '@/lib/viewer-zone';

export const metadata: Metadata = { title: 'Practice' };

/** How far ahead "next" looks for sessions and classes. */
const DAYS_AHEAD = 14;
/** Classes still open this long after their start are offered for completion (the worker completes older ones). */
const DAYS_BACK = 14;

export default async function ProviderPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const user = await requirePageRole('provider', '/provider');
  const at = now();
  // Days are the reader's: "today" is today in the zone they read times in.
  const { zone } = await getViewerZone();
  const local = DateTime.fromJSDate(at).setZone(zone);
  const dayStart = local.startOf('day').toJSDate();
  const monthStart = local.startOf('month').toJSDate();
  const until = addDays(dayStart, DAYS_AHEAD);

  const [classes, started, bookings, totals, monthNet, connect, flagged] = await Promise.all([
    listClasses({ from: dayStart, to: until, providerId: user.id }),
    listClasses({ from: addDays(at, -DAYS_BACK), to: at, providerId: user.id }),
    listBookings(user, { from: dayStart, to: until, order: 'upcoming', page: 1, pageSize: 200 }),
    earningsTotals(user.id),
    netBetween(user.id, monthStart, at),
    connectStatus(user),
    listQuestionnaires(user, { state: 'needs_clearance', page: 1, pageSize: 5 }),
  ]);
  const coming = bookings.bookings.filter((b) => isActive(b.status) || b.status === 'completed');
  const statuses = await questionnaireStatuses([...new Set(coming.map((b) => b.client.id))], at);
  const items = agendaItems(classes, coming);
  const attention = attentionItems(connect, flagged, started.filter((c) => isCompletable(c, at)).length);
  const money = currencyTotals(totals);

  return (
    <>
      <PageHeader title="Practice" description={`Hello, ${user.name}. Your day, what you have earned and what needs you.`} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card className="lg:row-span-2">
          <IconCardHeader icon={<CalendarDays aria-hidden="true" />} title="Schedule" description={`Your classes and 1:1 sessions, who is coming and their questionnaire status. Times in ${zoneName(zone)}.`} />
          <CardContent className="flex flex-col gap-4">
            <Agenda items={items} zone={zone} today={local.toISODate() ?? ''} statuses={statuses} />
            <Link href="/provider/schedule" className={`${linkClass} text-sm`}>
              Full schedule
            </Link>
          </CardContent>
        </Card>
        <Card>
          <IconCardHeader icon={<AlertTriangle aria-hidden="true" />} title="Needs attention" description="Things only you can do." />
          <CardContent>
            <AttentionList items={attention} />
          </CardContent>
        </Card>
        <Card>
          <IconCardHeader icon={<Wallet aria-hidden="true" />} title="Earnings" description="After the platform fee." />
          <CardContent className="flex flex-col gap-4">
            <StatCards
              className="sm:grid-cols-2"
              testId="dashboard-earnings"
              stats={[
                { label: 'Net this month', value: monthNet.length ? monthNet.map(amountText).join(' · ') : amountText({ amount: 0, currency: totals.total.currency }) },
                { label: 'Available to pay out', value: money.map((t) => amountText(t.available)).join(' · ') },
              ]}
            />
            <div className="flex flex-wrap gap-4 text-sm">
              <Link href="/provider/earnings" className={linkClass}>
                Earnings
              </Link>
              <Link href="/provider/payouts" className={linkClass}>
                Payouts
              </Link>
            </div>
          </CardContent>
        </Card>
        <MailSettings userId={user.id} />
      </div>
    </>
  );
}
