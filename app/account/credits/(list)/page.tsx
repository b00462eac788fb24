import { Ticket } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CreditSummary } from '@/components/credits/credit-summary';
import { EXPIRY_DATE, usesLabel } from '@/components/credits/labels';
import { EmptyStateCard } from '@/components/empty-state-card';
import { LocalDate } from '@/components/local-date';
import { PageHeader } from '@/components/page-header';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { creditHistory, creditsOfClient } from '@/lib/credits';
import { scopeCoverage } from '@/lib/packages';

export const metadata: Metadata = { title: 'Class credits' };

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

export default async function AccountCreditsPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const client = await requirePageRole('client', '/account/credits');
  const { total_credits, credits } = await creditsOfClient(client.id);
  const [history, coverage] = await Promise.all([creditHistory(credits.map((c) => c.id)), scopeCoverage(credits.map((c) => c.scope))]);
  // creditsOfClient lists usable credits first, the one expiring first on top: that is the next one used.
  const next = credits.find((c) => c.is_valid);

  return (
    <>
      <PageHeader
        title="Class credits"
        description="Credits from the class passes you buy. Booking with a credit uses the one that expires first."
        actions={
          <Link href="/packages" className={buttonVariants({ variant: 'outline' })}>
            Buy a class pass
          </Link>
        }
      />
      {credits.length === 0 ? (
        <EmptyStateCard icon={<Ticket aria-hidden="true" />} title="No class credits yet" description="A class pass gives you several classes at a lower price per class.">
          <Link href="/packages" className={linkClass}>
            See the class passes
          </Link>
        </EmptyStateCard>
      ) : (
        <div className="flex flex-col gap-6">
          <Card>
            <CardContent className="flex flex-wrap items-end justify-between gap-4 pt-6">
              <div>
                <p className="text-sm text-muted-foreground">Classes you can book with credits</p>
                <p className="text-4xl font-semibold" data-testid="credits-total">
                  {total_credits}
                </p>
                {next ? (
                  <p className="text-sm text-muted-foreground">
                    Next to expire: {usesLabel(next.remaining_classes)} on <LocalDate iso={next.expires_at} options={EXPIRY_DATE} />
                  </p>
                ) : (
                  <p className="text-sm text-muted-foreground">None of your credits can be used now.</p>
                )}
              </div>
              <Link href="/schedule" className={buttonVariants()}>
                Book a class
              </Link>
            </CardContent>
          </Card>
          {credits.map((c, i) => (
            <CreditSummary key={c.id} credit={c} entries={history.filter((e) => e.credit_id === c.id)} bookingPath="/account/bookings" coverage={coverage[i]} />
          ))}
        </div>
      )}
    </>
  );
}
