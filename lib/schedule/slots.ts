import 'server-only';
import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, classes } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { availabilityForSlots } from './availability';
import { findProvider } from './providers';
import { getSessionType } from './session-types';
import { computeFreeSlots, localDatesBetween, type Interval } from './windows';
import { DAY_MS } from '@/lib/time';

/** A 1:1 slot must start at least this long after now, so the provider can prepare. */
export const MIN_NOTICE_MINUTES = 60;
/** Candidate starts are this far apart, counted from each window's start. */
export const SLOT_STEP_MINUTES = 30;
/** The longest range one slots query may cover. */
export const MAX_RANGE_DAYS = 62;


export interface FreeSlot {
  starts_at: string;
  ends_at: string;
}

/** Bookings that hold the provider's time (the same statuses as the bookings_no_overlap constraint). */
const ACTIVE_STATUSES = ['pending_payment', 'confirmed', 'in_progress'] as const;

/** Time the provider is already taken in [from, to): active 1:1 bookings (buffer included) and classes not cancelled. */
async function busyIntervals(providerId: string, from: Date, to: Date): Promise<Interval[]> {
  const db = getDb();
  const [sessions, taught] = await Promise.all([
    db
      .select({
        // Epoch milliseconds, so no driver date parsing is involved.
        start: sql<number>`(extract(epoch from lower(${bookings.blockedRange})) * 1000)::float8`.mapWith(Number),
        end: sql<number>`(extract(epoch from upper(${bookings.blockedRange})) * 1000)::float8`.mapWith(Number),
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.providerId, providerId),
          eq(bookings.kind, 'session'),
          inArray(bookings.status, [...ACTIVE_STATUSES]),
          sql`${bookings.blockedRange} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
        ),
      ),
    db
      .select({ start: classes.startsAt, minutes: classes.durationMinutes })
      .from(classes)
      .where(
        and(
          eq(classes.providerId, providerId),
          isNull(classes.cancelledAt),
          lt(classes.startsAt, to),
          // A class can run up to 480 minutes: look back that far for ones still running at `from`.
          gt(classes.startsAt, new Date(from.getTime() - 480 * 60_000)),
        ),
      ),
  ]);
  return [
    ...sessions.map((s) => ({ start: s.start, end: s.end })),
    ...taught.map((c) => ({ start: c.start.getTime(), end: c.start.getTime() + c.minutes * 60_000 })),
  ];
}

async function computeSlots(providerId: string, sessionTypeId: string, from: Date, to: Date): Promise<{ time_zone: string; slots: FreeSlot[] }> {
  const provider = await findProvider(providerId);
  if (!provider) throw new AppError('not_found', 'No such practitioner.');
  const type = await getSessionType(sessionTypeId);
  if (!type || type.provider_id !== provider.id || !type.active) {
    throw new AppError('not_found', 'No such session type for this practitioner.', { fields: { session_type_id: ['No such session type for this practitioner.'] } });
  }
  const zone = provider.time_zone;
  const dates = localDatesBetween(from, to, zone);
  const { rules, exceptions } = await availabilityForSlots(provider.id, dates[0] ?? '1970-01-01', dates[dates.length - 1] ?? '1970-01-01');
  // Slots end (with their buffer) up to duration + buffer after `to`, so look that far for busy time.
  const reach = (type.duration_minutes + type.buffer_minutes) * 60_000 + DAY_MS;
  const busy = await busyIntervals(provider.id, new Date(from.getTime() - DAY_MS), new Date(to.getTime() + reach));
  const slots = computeFreeSlots({
    zone,
    rules,
    exceptions,
    from,
    to,
    busy,
    durationMinutes: type.duration_minutes,
    bufferMinutes: type.buffer_minutes,
    stepMinutes: SLOT_STEP_MINUTES,
    notBefore: now().getTime() + MIN_NOTICE_MINUTES * 60_000,
  });
  return {
    time_zone: zone,
    slots: slots.map((s) => ({ starts_at: new Date(s.start).toISOString(), ends_at: new Date(s.end).toISOString() })),
  };
}

/**
 * The free 1:1 slots starting in [from, to) (UTC ISO strings): the provider's
 * weekly hours (replaced on exception dates) minus active bookings, classes
 * they teach, and anything sooner than the minimum notice. 404 for an unknown
 * provider or a session type that is not theirs (or inactive); 400 for a
 * range that is empty or longer than 62 days.
 */
export async function freeSlots(input: { providerId: string; sessionTypeId: string; from: Date; to: Date }): Promise<FreeSlot[]> {
  return (await freeSlotsWithZone(input)).slots;
}

/** freeSlots plus the provider's zone, for pages and the API that show local times. */
export async function freeSlotsWithZone(input: { providerId: string; sessionTypeId: string; from: Date; to: Date }): Promise<{ time_zone: string; slots: FreeSlot[] }> {
  const { from, to } = input;
  if (!(to.getTime() > from.getTime())) {
    throw new AppError('validation_failed', 'The range is empty.', { fields: { to: ['"to" must be after "from".'] } });
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new AppError('validation_failed', `The range can be at most ${MAX_RANGE_DAYS} days.`, { fields: { to: [`The range can be at most ${MAX_RANGE_DAYS} days.`] } });
  }
  return computeSlots(input.providerId, input.sessionTypeId, from, to);
}

/**
 * Whether `startsAt` is exactly one of the provider's free slots for that
 * session type right now. It answers "is this a slot at all"; the database's
 * exclusion constraint on bookings is what stops two requests taking the same time.
 * Unknown providers or session types give false.
 */
export async function isOfferedSlot(providerId: string, sessionTypeId: string, startsAt: Date): Promise<boolean> {
  if (Number.isNaN(startsAt.getTime())) return false;
  try {
    const { slots } = await computeSlots(providerId, sessionTypeId, startsAt, new Date(startsAt.getTime() + 60_000));
    return slots.some((s) => new Date(s.starts_at).getTime() === startsAt.getTime());
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return false;
    throw err;
  }
}
