import 'server-only';
import { localDate } from '@/lib/time-format';
import type { ClassDto } from './class-dto';
import { listClasses } from './classes';
import { matchesSearch, timeOfDay, type ScheduleFilters } from './browse-filters';
import { listProviders, type ProviderWithSessionTypes } from './providers';
import { freeSlots } from './slots';
import { localBoundary } from './windows';

/** How far ahead the schedule can be paged. */
const MAX_WEEKS_AHEAD = 52;

type SessionTypeSummary = ProviderWithSessionTypes['session_types'][number];

export interface SessionTypeOffer extends SessionTypeSummary {
  /** Free times in the week shown (within the time-of-day filter). */
  free_count: number;
  /** The first of them, or null. */
  next_free: string | null;
}

export interface PractitionerOffer extends Omit<ProviderWithSessionTypes, 'session_types'> {
  session_types: SessionTypeOffer[];
}

export interface ScheduleWeek {
  zone: string;
  /** The seven local dates shown, the first being the week's start. */
  days: string[];
  previousWeek: string | null;
  nextWeek: string | null;
  classes: ClassDto[];
  /** Practitioners with the 1:1 session types that pass the filters; empty when only classes are asked for. */
  practitioners: PractitionerOffer[];
  /** Everyone bookable, for the practitioner filter. */
  providers: { id: string; name: string }[];
}

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function classMatches(c: ClassDto, f: ScheduleFilters, zone: string): boolean {
  if (f.provider && c.provider.id !== f.provider) return false;
  if (f.place === 'in_person' && !c.location) return false;
  if (f.place === 'online' && !c.online_url) return false;
  if (f.free && c.seats_left === 0) return false;
  if (f.time && timeOfDay(c.starts_at, zone) !== f.time) return false;
  return matchesSearch(f.q, c.title, c.provider.name);
}

async function offersOf(p: ProviderWithSessionTypes, f: ScheduleFilters, zone: string, from: Date, to: Date): Promise<PractitionerOffer | null> {
  if (f.provider && p.id !== f.provider) return null;
  const whole = matchesSearch(f.q, p.name, p.headline);
  const types = p.session_types.filter((t) => whole || matchesSearch(f.q, t.name, p.name));
  const offers = await Promise.all(
    types.map(async (t): Promise<SessionTypeOffer> => {
      const slots = (await freeSlots({ providerId: p.id, sessionTypeId: t.id, from, to })).filter((s) => !f.time || timeOfDay(s.starts_at, zone) === f.time);
      return { ...t, free_count: slots.length, next_free: slots[0]?.starts_at ?? null };
    }),
  );
  const shown = f.free ? offers.filter((o) => o.free_count > 0) : offers;
  return shown.length ? { ...p, session_types: shown } : null;
}

/**
 * One week of the public schedule in the viewer's zone, narrowed by the
 * filters: its classes, and each practitioner's 1:1 session types with their
 * free times that week.
 */
export async function browseSchedule(f: ScheduleFilters, zone: string, at: Date): Promise<ScheduleWeek> {
  const today = localDate(at, zone);
  const last = plusDays(today, MAX_WEEKS_AHEAD * 7);
  const start = f.week && f.week > today && f.week <= last ? f.week : today;
  const days = Array.from({ length: 7 }, (_, i) => plusDays(start, i));
  const weekStart = localBoundary(start, 0, zone);
  const from = weekStart.getTime() > at.getTime() ? weekStart : at;
  const to = localBoundary(plusDays(start, 7), 0, zone);

  const [classes, providers] = await Promise.all([f.kind === 'session' ? Promise.resolve([]) : listClasses({ from, to }), listProviders()]);
  const practitioners =
    f.kind === 'class' ? [] : (await Promise.all(providers.map((p) => offersOf(p, f, zone, from, to)))).filter((p): p is PractitionerOffer => p !== null);
  const previous = plusDays(start, -7);
  return {
    zone,
    days,
    previousWeek: start > today ? (previous > today ? previous : today) : null,
    nextWeek: plusDays(start, 7) <= last ? plusDays(start, 7) : null,
    classes: classes.filter((c) => classMatches(c, f, zone)),
    practitioners,
    providers: providers.map((p) => ({ id: p.id, name: p.name })),
  };
}
