import Link from 'next/link';
import { bookingTitle } from '@/components/bookings/labels';
import { ClientQuestionnaireBadge } from '@/components/bookings/questionnaire-badge';
import { BookingStatusBadge } from '@/components/bookings/status-badge';
import { linkClass } from '@/components/payments/empty-table';
import type { BookingDto } from '@/lib/bookings';
import type { QuestionnaireStatus } from '@/lib/questionnaire';
import type { ClassDto } from '@/lib/schedule';
import { formatDayShort, formatTimeRange, localDate } from '@/lib/time-format';

/** A class (with everyone booked into it) or a 1:1 session: one entry of the practitioner's day. */
export interface AgendaItem {
  key: string;
  starts_at: string;
  ends_at: string;
  title: string;
  /** "Class · 3 of 12 booked", "1:1 session". */
  what: string;
  href: string;
  attendees: BookingDto[];
}

/** Classes and the bookings of the same period as one list by start; a class lists its bookings, a session is its booking. */
export function agendaItems(classes: readonly ClassDto[], bookings: readonly BookingDto[]): AgendaItem[] {
  const items: AgendaItem[] = classes
    .filter((c) => !c.cancelled)
    .map((c) => ({
      key: `class-${c.id}`,
      starts_at: c.starts_at,
      ends_at: c.ends_at,
      title: c.title,
      what: `Class · ${c.seats_taken} of ${c.capacity} booked`,
      href: `/provider/classes/${c.id}`,
      attendees: bookings.filter((b) => b.class?.id === c.id),
    }));
  for (const b of bookings) {
    if (b.kind !== 'session') continue;
    items.push({ key: `booking-${b.id}`, starts_at: b.starts_at, ends_at: b.ends_at, title: bookingTitle(b), what: '1:1 session', href: '/provider/schedule', attendees: [b] });
  }
  return items.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
}

function AgendaEntry({ item, zone, statuses, withDay }: { item: AgendaItem; zone: string; statuses: ReadonlyMap<string, QuestionnaireStatus>; withDay: boolean }) {
  return (
    <li className="flex flex-col gap-2 py-3" data-testid="agenda-item">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-medium text-primary">
          {withDay ? `${formatDayShort(localDate(item.starts_at, zone))}, ` : ''}
          {formatTimeRange(item.starts_at, item.ends_at, zone)}
        </p>
        <p className="text-xs text-muted-foreground">{item.what}</p>
      </div>
      <Link href={item.href} className={linkClass}>
        {item.title}
      </Link>
      {item.attendees.length ? (
        <ul className="flex flex-col gap-1 text-sm" aria-label={`Who is coming to ${item.title}`}>
          {item.attendees.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-2">
              <span>{b.client.name}</span>
              <ClientQuestionnaireBadge clientId={b.client.id} status={statuses.get(b.client.id)} />
              <BookingStatusBadge booking={b} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No one booked yet.</p>
      )}
    </li>
  );
}

function AgendaSection({ id, title, items, empty, ...entry }: { id: string; title: string; items: AgendaItem[]; empty: string; zone: string; statuses: ReadonlyMap<string, QuestionnaireStatus>; withDay: boolean }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      {items.length ? (
        <ul className="divide-y divide-border">
          {items.map((i) => (
            <AgendaEntry key={i.key} item={i} {...entry} />
          ))}
        </ul>
      ) : (
        <p className="py-3 text-sm text-muted-foreground">{empty}</p>
      )}
    </section>
  );
}

/** Today's sessions, then the next ones after today, in the practitioner's zone. */
export function Agenda({ items, zone, today, statuses, nextCount = 3 }: { items: AgendaItem[]; zone: string; today: string; statuses: ReadonlyMap<string, QuestionnaireStatus>; nextCount?: number }) {
  const todays = items.filter((i) => localDate(i.starts_at, zone) === today);
  const next = items.filter((i) => localDate(i.starts_at, zone) > today).slice(0, nextCount);
  return (
    <div className="flex flex-col gap-4">
      <AgendaSection id="agenda-today" title="Today" items={todays} empty="Nothing booked today." zone={zone} statuses={statuses} withDay={false} />
      <AgendaSection id="agenda-next" title="Next" items={next} empty="Nothing scheduled after today." zone={zone} statuses={statuses} withDay />
    </div>
  );
}
