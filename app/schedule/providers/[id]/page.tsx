import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/components/ui/utils';
import { now } from '@/lib/clock';
import { isUuid } from '@/lib/fields';
import { formatDayHeading, formatTime, groupBy, localDate, zoneName } from '@/lib/time-format';
import { formatMoney } from '@/lib/money';
import { findProvider, getProvider, freeSlots, isCalendarDate, localBoundary } from '@/lib/schedule';
import { addDays } from '@/lib/time';
import { getViewerZone } from '@/lib/viewer-zone';

export const dynamic = 'force-dynamic';

const DAYS_AHEAD = 14;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const provider = await findProvider((await params).id);
  return { title: provider ? provider.name : 'Practitioner' };
}

export default async function ProviderSchedulePage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!isUuid(id) || !(await findProvider(id))) notFound();
  const provider = await getProvider(id);
  const query = await searchParams;
  const typeId = singleParam(query, 'type');
  const chosen = provider.session_types.find((t) => t.id === typeId);
  // Free times in the viewer's zone, as everywhere (PRODUCT.md "Time"); from the schedule's week when it sent one.
  const { zone } = await getViewerZone();
  const week = singleParam(query, 'week');
  const weekStart = isCalendarDate(week) ? localBoundary(week, 0, zone) : null;
  const from = weekStart && weekStart.getTime() > now().getTime() ? weekStart : now();
  const slots = chosen ? await freeSlots({ providerId: provider.id, sessionTypeId: chosen.id, from, to: addDays(from, DAYS_AHEAD) }) : [];
  const days = groupBy(slots, (s) => localDate(s.starts_at, zone));

  return (
    <>
      <PageHeader
        title={provider.name}
        description={`${provider.headline}. Times are in ${zoneName(zone)}.`}
        actions={
          <Link href="/schedule" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            Back to the schedule
          </Link>
        }
      />
      {provider.bio ? <p className="mb-8 max-w-2xl">{provider.bio}</p> : null}

      <section aria-labelledby="types-title" className="flex flex-col gap-4">
        <h2 id="types-title" className="text-2xl font-semibold tracking-tight">
          1:1 sessions
        </h2>
        {provider.session_types.length ? (
          <ul className="grid gap-4 md:grid-cols-2">
            {provider.session_types.map((t) => (
              <li key={t.id}>
                <Link
                  href={`/schedule/providers/${provider.id}?type=${t.id}`}
                  aria-current={t.id === chosen?.id ? 'true' : undefined}
                  className={cn('block rounded-(--radius-card) focus-visible:outline-2 focus-visible:outline-ring', t.id === chosen?.id && 'ring-2 ring-primary')}
                >
                  <Card className="h-full hover:bg-muted/50">
                    <CardHeader>
                      <CardTitle as="h3">{t.name}</CardTitle>
                      <CardDescription>
                        {t.duration_minutes} min · {formatMoney(t.price)}
                        {t.deposit ? ` · ${formatMoney(t.deposit)} deposit to book` : ''}
                      </CardDescription>
                    </CardHeader>
                    {t.description ? <CardContent className="text-sm">{t.description}</CardContent> : null}
                  </Card>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{provider.name} does not offer 1:1 sessions yet.</p>
        )}
      </section>

      <section aria-labelledby="slots-title" className="mt-10 flex flex-col gap-4">
        <h2 id="slots-title" className="text-2xl font-semibold tracking-tight">
          {chosen ? `Free times for ${chosen.name}` : 'Free times'}
        </h2>
        {!chosen ? (
          <Alert>{typeId ? 'That session type is not offered any more. Choose one above.' : 'Choose a session type above to see its free times over two weeks.'}</Alert>
        ) : days.length === 0 ? (
          <Alert>No free times in these two weeks. Try another session type, or check back later.</Alert>
        ) : (
          days.map(([date, daySlots]) => (
            <div key={date} className="flex flex-col gap-2">
              <h3 className="font-semibold">{formatDayHeading(date)}</h3>
              <ul className="flex flex-wrap gap-2">
                {daySlots.map((s) => (
                  <li key={s.starts_at}>
                    <Link
                      href={`/schedule/providers/${provider.id}/book?type=${chosen.id}&start=${encodeURIComponent(s.starts_at)}`}
                      className="inline-block rounded-lg border border-border bg-card px-3 py-2 text-sm font-medium hover:bg-muted"
                    >
                      {formatTime(s.starts_at, zone)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </>
  );
}
