import { CalendarDays, ClipboardList, Ticket } from 'lucide-react';
import type { Metadata } from 'next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { PageHeader } from '@/components/page-header';
import { ProfileCard } from '@/components/profile-card';
import { requirePageRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'My account' };

export default async function AccountPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const user = await requirePageRole('client', '/account');
  return (
    <>
      <PageHeader title="My account" description={`Hello, ${user.name}. Your bookings, credits and questionnaire live here.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileCard user={user} />
        <EmptyStateCard icon={<CalendarDays aria-hidden="true" />} title="Bookings" description="Your upcoming and past sessions and classes, with receipts.">
          Nothing booked yet.
        </EmptyStateCard>
        <EmptyStateCard icon={<Ticket aria-hidden="true" />} title="Credits" description="Class credits from the passes you buy, and when they expire.">
          You have no class credits yet.
        </EmptyStateCard>
        <EmptyStateCard
          icon={<ClipboardList aria-hidden="true" />}
          title="Health questionnaire"
          description="A short health questionnaire, renewed every year, is needed before you book."
        >
          You have not completed the questionnaire yet.
        </EmptyStateCard>
      </div>
    </>
  );
}
