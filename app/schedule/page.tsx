import { CalendarDays, ChevronLeft, ChevronRight } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalDate } from '@/components/local-date';
import { PageHeader } from '@/components/page-header';
import { ClassList, WeekView } from '@/components/schedule/class-days';
import { ProviderCard } from '@/components/schedule/provider-card';
import { KindTabs, ScheduleFilterForm } from '@/components/schedule/schedule-filters';
import type { SearchParams } from '@/components/search-params';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/utils';
import { getCurrentUser } from '@/lib/auth';
import { now } from '@/lib/clock';
import { questionnaireStatus } from '@/lib/questionnaire';
import { browseSchedule, describeFilters, hasNarrowingFilters, parseScheduleFilters, scheduleHref, type ScheduleFilters } from '@/lib/schedule';
import { formatDayShort, zoneName } from '@/lib/time-format';
import { getViewerZone } from '@/lib/viewer-zone';

export const metadata: Metadata = { title: 'Schedule' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

function ClearFilters({ filters }: { filters: ScheduleFilters }) {
  return (
    <Link href={scheduleHref({ view: filters.view, week: filters.week, free: false })} className={buttonVariants({ variant: 'outline', size: 'sm', className: 'self-start' })}>
      Clear filters
    </Link>
  );
}

/** "Nothing matches “yoga”, in the evening this week." with a way back to everything. */
function NothingMatches({ filters, what, providerName }: { filters: ScheduleFilters; what: string; providerName?: string }) {
  const words = describeFilters(filters, providerName);
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-sm" data-testid="schedule-empty">
      <p className="flex items-center gap-2 text-muted-foreground">
        <CalendarDays aria-hidden="true" className="size-4 shrink-0" />
        {words.length ? `No ${what} this week match your filters: ${words.join(', ')}.` : `No ${what} this week yet. Try the next week.`}
      </p>
      {words.length ? <ClearFilters filters={filters} /> : null}
    </div>
  );
}

/** After the questionnaire, the client lands here (when they were not booking something) with its outcome. */
async function QuestionnaireSaved() {
  const user = await getCurrentUser();
  if (user?.role !== 'client') return null;
  const status = await questionnaireStatus(user.id);
  if (status.state !== 'valid' || !status.expires_at) return null;
  return (
    <Alert role="status" data-testid="questionnaire-saved" className="mb-6">
      Questionnaire saved. It is valid until <LocalDate iso={status.expires_at} />. Choose a class or a 1:1 session to book.
    </Alert>
  );
}

export default async function SchedulePage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseScheduleFilters(params);
  const { zone } = await getViewerZone();
  const week = await browseSchedule(filters, zone, now());
  const first = week.days[0] ?? '';
  const last = week.days[week.days.length - 1] ?? '';
  const providerName = week.providers.find((p) => p.id === filters.provider)?.name;
  const showSessions = filters.kind !== 'class';
  const showClasses = filters.kind !== 'session';
  const nothing = week.classes.length === 0 && week.practitioners.length === 0 && hasNarrowingFilters(filters);

  return (
    <>
      <PageHeader title="Schedule" description={`Group classes and 1:1 sessions, a week at a time. Times are in ${zoneName(zone)}.`} />
      {params.questionnaire === 'saved' ? <QuestionnaireSaved /> : null}

      <div className="mb-8 flex flex-col gap-4">
        <KindTabs filters={filters} />
        <ScheduleFilterForm filters={filters} providers={week.providers} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="font-medium" data-testid="schedule-range">
            {formatDayShort(first)} – {formatDayShort(last)}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            {week.previousWeek ? (
              <Link href={scheduleHref(filters, { week: week.previousWeek, day: undefined })} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
                <ChevronLeft aria-hidden="true" />
                Previous week
              </Link>
            ) : null}
            {week.nextWeek ? (
              <Link href={scheduleHref(filters, { week: week.nextWeek, day: undefined })} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
                Next week
                <ChevronRight aria-hidden="true" />
              </Link>
            ) : null}
            <nav aria-label="View" className="flex gap-1 rounded-lg border border-border p-1">
              {(['week', 'list'] as const).map((view) => (
                <Link
                  key={view}
                  href={scheduleHref(filters, { view, day: undefined })}
                  aria-current={filters.view === view ? 'page' : undefined}
                  className={cn('rounded-md px-3 py-1 text-sm font-medium hover:bg-muted', filters.view === view && 'bg-secondary text-secondary-foreground')}
                >
                  {view === 'week' ? 'Week' : 'List'}
                </Link>
              ))}
            </nav>
          </div>
        </div>
        {nothing ? <NothingMatches filters={filters} what="classes or 1:1 sessions" providerName={providerName} /> : null}
      </div>

      {showSessions && !nothing ? (
        <section aria-labelledby="sessions-title" className="mb-12 flex flex-col gap-4">
          <h2 id="sessions-title" className="text-2xl font-semibold tracking-tight">
            1:1 sessions
          </h2>
          {filters.place ? <p className="text-sm text-muted-foreground">Where a 1:1 session happens is agreed with the practitioner, so they all stay listed.</p> : null}
          {week.practitioners.length ? (
            <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
              {week.practitioners.map((p) => (
                <li key={p.id}>
                  <ProviderCard provider={p} zone={zone} week={filters.week} />
                </li>
              ))}
            </ul>
          ) : (
            <NothingMatches filters={filters} what="1:1 sessions" providerName={providerName} />
          )}
        </section>
      ) : null}

      {showClasses && !nothing ? (
        <section aria-labelledby="classes-title" className="flex scroll-mt-24 flex-col gap-4">
          <h2 id="classes-title" className="text-2xl font-semibold tracking-tight">
            Classes
          </h2>
          {week.classes.length === 0 ? (
            <NothingMatches filters={filters} what="classes" providerName={providerName} />
          ) : filters.view === 'list' ? (
            <ClassList classes={week.classes} zone={zone} />
          ) : (
            <WeekView classes={week.classes} days={week.days} zone={zone} filters={filters} />
          )}
        </section>
      ) : null}
    </>
  );
}
