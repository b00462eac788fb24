import { CalendarDays, Wallet } from 'lucide-react';
import type { Metadata } from 'next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { MailSettings } from '@/components/mail/mail-settings';
import { PageHeader } from '@/components/page-header';
import { ProfileCard } from '@/components/profile-card';
import { requirePageRole } from '@/lib/auth';

export const metadata: Metadata = { title: 'Practice' };

export default async function ProviderPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const user = await requirePageRole('provider', '/provider');
  return (
    <>
      <PageHeader title="Practice" description={`Hello, ${user.name}. Your schedule and earnings live here.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileCard user={user} />
        <EmptyStateCard
          icon={<CalendarDays aria-hidden="true" />}
          title="Schedule"
          description="Your classes and 1:1 sessions, who is coming and their questionnaire status."
        >
          Nothing booked yet.
        </EmptyStateCard>
        <EmptyStateCard
          icon={<Wallet aria-hidden="true" />}
          title="Earnings"
          description="What you earn after the platform fee: pending, available and paid out."
        >
          No earnings yet. They appear once clients book and pay.
        </EmptyStateCard>
        <MailSettings userId={user.id} />
      </div>
    </>
  );
}
