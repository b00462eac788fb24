import { Bell } from 'lucide-react';
import Link from 'next/link';
import { Fragment } from 'react';
import { dismissNoticeAction } from '@/app/bookings/notice-actions';
import { LocalDateTime } from '@/components/local-date';
import { Button } from '@/components/ui/button';
import { listNotices } from '@/lib/bookings';

const ISO_INSTANT = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)/;

/** Notice texts name times as ISO instants; shown here in the reader's zone. */
function NoticeText({ message }: { message: string }) {
  return message.split(ISO_INSTANT).map((part, i) =>
    i % 2 === 1 ? <LocalDateTime key={i} iso={part} /> : <Fragment key={i}>{part}</Fragment>,
  );
}

/** The user's unread notices (a cancelled booking, a seat from the waitlist), each dismissable. Nothing when there are none. */
export async function NoticeList({ userId }: { userId: string }) {
  const notices = await listNotices(userId);
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-title" className="mb-8 flex flex-col gap-2">
      <h2 id="notices-title" className="sr-only">
        Notices
      </h2>
      <ul className="flex flex-col gap-2">
        {notices.map((n) => (
          <li key={n.id} className="flex flex-col gap-3 rounded-lg border border-border bg-secondary/40 px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between" data-testid="notice">
            <p className="flex items-start gap-2">
              <Bell aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              <span>
                <NoticeText message={n.message} />
                {n.link ? (
                  <>
                    {' '}
                    <Link href={n.link} className="font-medium text-primary underline-offset-4 hover:underline">
                      View
                    </Link>
                  </>
                ) : null}
              </span>
            </p>
            <form action={dismissNoticeAction} className="shrink-0">
              <input type="hidden" name="notice_id" value={n.id} />
              <Button type="submit" variant="ghost" size="sm">
                Dismiss
              </Button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
