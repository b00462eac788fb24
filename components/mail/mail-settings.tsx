import { hasFeed, remindersOf } from '@/lib/mail';
import { CalendarFeedCard } from './calendar-feed-card';
import { RemindersCard } from './reminders-card';

/** The "E-mail" and "Calendar feed" cards of a signed-in user's own page (clients' account, practitioners' practice). */
export async function MailSettings({ userId }: { userId: string }) {
  const [reminders, feed] = await Promise.all([remindersOf(userId), hasFeed(userId)]);
  return (
    <>
      <RemindersCard reminders={reminders} />
      <CalendarFeedCard active={feed} />
    </>
  );
}
