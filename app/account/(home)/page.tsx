import { CalendarDays, Ticket } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyStateCard } from '@/components/empty-state-card';
import { EXPIRY_DATE, usesLabel } from '@/components/credits/labels';
import { LocalDate, LocalDateTime } from '@/components/local-date';
import { MailSettings } from '@/components/mail/mail-settings';
import { NoticeList } from '@/components/notices/notice-list';
import { PageHeader } from '@/components/page-header';
import { ProfileCard } from '@/components/profile-card';
import { QuestionnaireDueBanner } from '@/components/questionnaire/due-banner';
import { QuestionnaireStatusCard } from '@/components/questionnaire/status-card';
import { requirePageRole } from '@/lib/auth';
import { listBookings, isActive } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { creditsOfClient } from '@/lib/credits';
import { questionnaireStatus } from '@/lib/questionnaire';

export const metadata: Metadata = { title: 'My account' };

export default async function AccountPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const user = await requirePageRole('client', '/account');
  const [questionnaire, upcoming, credits] = await Promise.all([
    questionnaireStatus(user.id),
    listBookings(user, { from: now(), order: 'upcoming', page: 1, pageSize: 3 }),
    creditsOfClient(user.id),
  ]);
  const nextExpiring = credits.credits.find((c) => c.is_valid);
  const next = upcoming.bookings.find((b) => isActive(b.status));
  return (
    <>
      <PageHeader title="My account" description={`Hello, ${user.name}. Your bookings, credits and questionnaire live here.`} />
      <NoticeList userId={user.id} />
      <QuestionnaireDueBanner status={questionnaire} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileCard user={user} />
        <EmptyStateCard icon={<CalendarDays aria-hidden="true" />} title="Bookings" description="Your upcoming and past sessions and classes, with receipts.">
          {next ? (
            <>
              Next: {next.class?.title ?? next.session_type?.name} with {next.provider.name}, <LocalDateTime iso={next.starts_at} />.{' '}
              <Link href="/account/bookings" className="font-medium text-primary underline-offset-4 hover:underline">
                See all bookings
              </Link>
            </>
          ) : (
            <>
              Nothing booked yet.{' '}
              <Link href="/schedule" className="font-medium text-primary underline-offset-4 hover:underline">
                Browse the schedule
              </Link>
            </>
          )}
        </EmptyStateCard>
        <EmptyStateCard icon={<Ticket aria-hidden="true" />} title="Credits" description="Class credits from the passes you buy, and when they expire.">
          {nextExpiring ? (
            <>
              <span data-testid="account-credits">
                {usesLabel(credits.total_credits)} left; the next expires <LocalDate iso={nextExpiring.expires_at} options={EXPIRY_DATE} />.
              </span>{' '}
              <Link href="/account/credits" className="font-medium text-primary underline-offset-4 hover:underline">
                See your credits
              </Link>
            </>
          ) : (
            <>
              You have no class credits to use.{' '}
              <Link href="/packages" className="font-medium text-primary underline-offset-4 hover:underline">
                See class passes
              </Link>
            </>
          )}
        </EmptyStateCard>
        <QuestionnaireStatusCard status={questionnaire} />
        <MailSettings userId={user.id} />
      </div>
    </>
  );
}
