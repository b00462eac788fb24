import { ArrowRight, CheckCircle2 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { StatCards } from '@/components/stat-cards';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { adminDashboard } from '@/lib/dashboard';
import { formatMoney } from '@/lib/money';
import { formatDateTime } from '@/lib/time-format';

export const metadata: Metadata = { title: 'Admin dashboard' };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function AdminPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', '/admin');
  const d = await adminDashboard(admin);
  const a = d.attention;
  const attention = [
    { n: a.questionnaires_to_clear, text: plural(a.questionnaires_to_clear, 'questionnaire to clear', 'questionnaires to clear'), href: '/admin/questionnaires' },
    { n: a.failed_webhooks, text: plural(a.failed_webhooks, 'webhook event failed', 'webhook events failed'), href: '/admin/webhooks?outcome=failed' },
    { n: a.failed_mail, text: plural(a.failed_mail, 'e-mail could not be sent', 'e-mails could not be sent'), href: '/admin/mail?state=failed' },
    { n: a.failed_refunds, text: plural(a.failed_refunds, 'refund failed or needs action', 'refunds failed or need action'), href: '/admin/payments' },
    { n: a.providers_awaiting_payout, text: plural(a.providers_awaiting_payout, 'practitioner waiting for a payout', 'practitioners waiting for a payout'), href: '/admin/payouts' },
  ].filter((item) => item.n > 0);
  const revenue =
    d.revenue.length === 0
      ? 'None yet'
      : d.revenue.map((r) => (
          <span key={r.currency} className="block">
            {formatMoney({ amount: r.net, currency: r.currency }, { zero: 'amount' })}
          </span>
        ));
  const refunded = d.revenue.filter((r) => r.refunded > 0).map((r) => formatMoney({ amount: r.refunded, currency: r.currency }));
  return (
    <>
      <PageHeader title="Admin dashboard" description={`How today is going, since ${formatDateTime(d.day_start, d.zone, { withYear: true })} (days follow the platform’s zone), and what needs you.`} />
      <div className="flex flex-col gap-8">
        <section aria-labelledby="today-heading" className="flex flex-col gap-4">
          <h2 id="today-heading" className="text-lg font-semibold">
            Today
          </h2>
          <StatCards
            testId="dashboard-today"
            stats={[
              { label: 'Revenue (net of refunds)', value: revenue, note: refunded.length ? `After ${refunded.join(', ')} refunded` : 'Cards and class passes, cash basis', testId: 'today-revenue' },
              { label: 'Bookings made', value: d.bookings_made, note: 'Confirmed or paid with a credit today', testId: 'today-bookings' },
              { label: 'Sessions and class seats today', value: d.sessions_today, note: 'Booked for today', testId: 'today-sessions' },
            ]}
          />
        </section>
        <Card>
          <CardHeader>
            <CardTitle>Needs attention</CardTitle>
            <CardDescription>Each links to the list to act on.</CardDescription>
          </CardHeader>
          <CardContent>
            {attention.length === 0 ? (
              <p className="flex items-center gap-2 text-sm" data-testid="attention-clear">
                <CheckCircle2 aria-hidden="true" className="size-4 text-primary" />
                Nothing needs you right now.
              </p>
            ) : (
              <ul className="flex flex-col gap-2" data-testid="attention">
                {attention.map((item) => (
                  <li key={item.href + item.text}>
                    <Link href={item.href} className="inline-flex items-center gap-2 text-sm font-medium text-primary underline-offset-4 hover:underline">
                      {item.text}
                      <ArrowRight aria-hidden="true" className="size-4" />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
