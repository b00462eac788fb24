import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { availabilityExceptions, availabilityRules, providerProfiles } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { isUuid, uuidField } from '@/lib/fields';
import { localDateField, localTimeField, optionalText, timeZoneField } from './fields';
import { findOverlappingRules, formatLocalTime, parseLocalTime, type DateException, type WeeklyRule } from './windows';

const weekdayField = z
  .number({ error: 'Weekday must be a number from 1 (Monday) to 7 (Sunday).' })
  .int('Weekday must be a number from 1 (Monday) to 7 (Sunday).')
  .min(1, 'Weekday must be a number from 1 (Monday) to 7 (Sunday).')
  .max(7, 'Weekday must be a number from 1 (Monday) to 7 (Sunday).');

/** One weekly opening, local to the provider's zone: {weekday: 1..7 (ISO, Monday = 1), start: "09:00", end: "17:00"}. */
const ruleField = z
  .strictObject({ weekday: weekdayField, start: localTimeField, end: localTimeField })
  .refine((r) => (parseLocalTime(r.start) ?? 0) < (parseLocalTime(r.end) ?? 0), { message: 'End must be after start.', path: ['end'] });

/** PUT /api/v1/availability: replaces the whole weekly set; time_zone (IANA) changes the provider's zone. */
export const availabilityInput = z
  .strictObject({
    // Admins only: whose availability it is.
    provider_id: uuidField('Practitioner').optional(),
    time_zone: timeZoneField.optional(),
    rules: z.array(ruleField, { error: 'Rules must be a list.' }).max(100, 'At most 100 weekly openings.'),
  })
  .superRefine((value, ctx) => {
    const clash = findOverlappingRules(value.rules.map(toRule));
    if (clash) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules'],
        message: `Openings on the same weekday must not overlap (${formatLocalTime(clash[0].start)}–${formatLocalTime(clash[0].end)} and ${formatLocalTime(clash[1].start)}–${formatLocalTime(clash[1].end)}).`,
      });
    }
  });
export type AvailabilityInput = z.infer<typeof availabilityInput>;

/** POST /api/v1/availability/exceptions: a date off all day (no start/end) or open at other hours that day. */
export const exceptionInput = z
  .strictObject({
    provider_id: uuidField('Practitioner').optional(),
    // A local date in the provider's zone.
    date: localDateField,
    start: localTimeField.nullable().optional(),
    end: localTimeField.nullable().optional(),
    note: optionalText('Note', 200).optional(),
  })
  .superRefine((v, ctx) => {
    const hasStart = v.start != null;
    const hasEnd = v.end != null;
    if (hasStart !== hasEnd) ctx.addIssue({ code: 'custom', path: [hasStart ? 'end' : 'start'], message: 'Give both start and end, or neither for a day off.' });
    else if (hasStart && (parseLocalTime(v.start!) ?? 0) >= (parseLocalTime(v.end!) ?? 0)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'End must be after start.' });
  });
export type ExceptionInput = z.infer<typeof exceptionInput>;

export interface RuleDto {
  weekday: number;
  start: string;
  end: string;
}

export interface AvailabilityDto {
  time_zone: string;
  rules: RuleDto[];
}

export interface ExceptionDto {
  id: string;
  date: string;
  /** null with `end` null: off all day. */
  start: string | null;
  end: string | null;
  note: string;
}

function toRule(r: { weekday: number; start: string; end: string }): WeeklyRule {
  return { weekday: r.weekday, start: parseLocalTime(r.start) ?? 0, end: parseLocalTime(r.end) ?? 0 };
}

const hhmm = (t: string) => t.slice(0, 5);

export async function getAvailability(providerId: string): Promise<AvailabilityDto> {
  const db = getDb();
  const [[profile], rows] = await Promise.all([
    db.select({ timeZone: providerProfiles.timeZone }).from(providerProfiles).where(eq(providerProfiles.userId, providerId)).limit(1),
    db.select().from(availabilityRules).where(eq(availabilityRules.providerId, providerId)).orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startTime)),
  ]);
  if (!profile) throw new AppError('not_found', 'No such practitioner.');
  return { time_zone: profile.timeZone, rules: rows.map((r) => ({ weekday: r.weekday, start: hhmm(r.startTime), end: hhmm(r.endTime) })) };
}

/** Replaces the weekly hours as a whole (and the zone, when given) in one transaction. */
export async function replaceAvailability(providerId: string, input: Pick<AvailabilityInput, 'time_zone' | 'rules'>): Promise<AvailabilityDto> {
  if (findOverlappingRules(input.rules.map(toRule))) {
    throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: { rules: ['Openings on the same weekday must not overlap.'] } });
  }
  await getDb().transaction(async (tx) => {
    // Serialises concurrent replacements of the same provider's hours.
    const [profile] = await tx.select({ id: providerProfiles.userId }).from(providerProfiles).where(eq(providerProfiles.userId, providerId)).for('update');
    if (!profile) throw new AppError('not_found', 'No such practitioner.');
    if (input.time_zone) await tx.update(providerProfiles).set({ timeZone: input.time_zone, updatedAt: now() }).where(eq(providerProfiles.userId, providerId));
    await tx.delete(availabilityRules).where(eq(availabilityRules.providerId, providerId));
    if (input.rules.length) {
      await tx.insert(availabilityRules).values(input.rules.map((r) => ({ providerId, weekday: r.weekday, startTime: r.start, endTime: r.end })));
    }
  });
  return getAvailability(providerId);
}

function exceptionDto(row: typeof availabilityExceptions.$inferSelect): ExceptionDto {
  return {
    id: row.id,
    date: row.date,
    start: row.startTime === null ? null : hhmm(row.startTime),
    end: row.endTime === null ? null : hhmm(row.endTime),
    note: row.note,
  };
}

/** A provider's date exceptions from `fromDate` (default: today in their zone), by date. */
export async function listExceptions(providerId: string, options: { fromDate?: string; timeZone?: string } = {}): Promise<ExceptionDto[]> {
  const fromDate = options.fromDate ?? DateTime.fromJSDate(now(), { zone: options.timeZone ?? 'UTC' }).minus({ days: 1 }).toISODate() ?? '1970-01-01';
  const rows = await getDb()
    .select()
    .from(availabilityExceptions)
    .where(and(eq(availabilityExceptions.providerId, providerId), gte(availabilityExceptions.date, fromDate)))
    .orderBy(asc(availabilityExceptions.date), asc(availabilityExceptions.startTime))
    .limit(500);
  return rows.map(exceptionDto);
}

export async function addException(providerId: string, input: Pick<ExceptionInput, 'date' | 'start' | 'end' | 'note'>): Promise<ExceptionDto> {
  const [row] = await getDb()
    .insert(availabilityExceptions)
    .values({ providerId, date: input.date, startTime: input.start ?? null, endTime: input.end ?? null, note: input.note ?? '' })
    .returning();
  return exceptionDto(row!);
}

/** Removes an exception; `ownerId` null lets an admin remove anyone's. Unknown or another provider's: 404. */
export async function deleteException(id: string, ownerId: string | null): Promise<void> {
  if (!isUuid(id)) throw new AppError('not_found', 'No such exception.');
  const where = ownerId === null ? eq(availabilityExceptions.id, id) : and(eq(availabilityExceptions.id, id), eq(availabilityExceptions.providerId, ownerId));
  const deleted = await getDb().delete(availabilityExceptions).where(where).returning({ id: availabilityExceptions.id });
  if (!deleted.length) throw new AppError('not_found', 'No such exception.');
}

/** What the slot computation needs: the zone, weekly rules and the exceptions of a date range. */
export async function availabilityForSlots(
  providerId: string,
  fromDate: string,
  toDate: string,
): Promise<{ rules: WeeklyRule[]; exceptions: DateException[] }> {
  const db = getDb();
  const [rules, exceptions] = await Promise.all([
    db.select().from(availabilityRules).where(eq(availabilityRules.providerId, providerId)),
    db
      .select()
      .from(availabilityExceptions)
      .where(and(eq(availabilityExceptions.providerId, providerId), gte(availabilityExceptions.date, fromDate), lte(availabilityExceptions.date, toDate))),
  ]);
  return {
    rules: rules.map((r) => ({ weekday: r.weekday, start: parseLocalTime(r.startTime) ?? 0, end: parseLocalTime(r.endTime) ?? 0 })),
    exceptions: exceptions.map((e) => ({
      date: e.date,
      start: e.startTime === null ? null : parseLocalTime(e.startTime),
      end: e.endTime === null ? null : parseLocalTime(e.endTime),
    })),
  };
}
