import { Ticket } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyStateCard } from '@/components/empty-state-card';
import { PackageCard } from '@/components/packages/package-card';
import { PageHeader } from '@/components/page-header';
import { buttonVariants } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/auth';
import { listPackages, scopeCoverage } from '@/lib/packages';

export const metadata: Metadata = { title: 'Class passes' };
export const dynamic = 'force-dynamic';

export default async function PackagesPage() {
  const [user, packages] = await Promise.all([getCurrentUser(), listPackages()]);
  const active = packages.filter((p) => p.active);
  const coverage = await scopeCoverage(active.map((p) => p.scope));
  return (
    <>
      <PageHeader title="Class passes" description="Buy several classes at once for a lower price per class. Book with a credit and it is confirmed at once." />
      {active.length === 0 ? (
        <EmptyStateCard icon={<Ticket aria-hidden="true" />} title="No class passes on sale" description="The studio has no class passes on sale right now.">
          <Link href="/schedule" className="font-medium text-primary underline-offset-4 hover:underline">
            Book single classes from the schedule
          </Link>
        </EmptyStateCard>
      ) : (
        <ul className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {active.map((p, i) => {
            const buy = `/packages/${p.id}/buy`;
            return (
              <li key={p.id} className="flex">
                <PackageCard
                  pkg={p}
                  coverage={coverage[i]}
                  action={
                    !user || user.role === 'client' ? (
                      <Link href={user ? buy : `/signin?callbackUrl=${encodeURIComponent(buy)}`} className={buttonVariants()} aria-label={`${user ? 'Buy' : 'Sign in to buy'} ${p.name}`}>
                        {user ? 'Buy' : 'Sign in to buy'}
                      </Link>
                    ) : (
                      <p className="text-sm text-muted-foreground">Only clients can buy class passes.</p>
                    )
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
