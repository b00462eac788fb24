import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import { classes, providerProfiles, users, type ClassRow } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import { classDto, type ClassDto } from './class-dto';
import { instantField, isUuid, uuidField } from '@/lib/fields';
import { durationField, feeBpsField, optionalText, priceField } from './fields';
import { requireProvider } from './providers';
import { sameLocalTimeWeeksLater } from './windows';
import { DAY_MS } from '@/lib/time';

export type { ClassDto } from './class-dto';

/** The furthest ahead a class may be scheduled. */
export const MAX_DAYS_AHEAD = 730;

/** The fields a class is made of: all of them for POST, any of them for PATCH /api/v1/classes/:id. */
export const classShape = {
  title: optionalText('Title', 100).min(1, 'Title is required.'),
  description: optionalText('Description', 2000).optional(),
  // Admins choose any practitioner (required for them); practitioners may only name themselves.
  provider_id: uuidField('Practitioner').optional(),
  // ISO 8601 with an offset; must be in the future.
  starts_at: instantField('Start'),
  duration_minutes: durationField,
  capacity: z
    .number({ error: 'Capacity must be a number of seats.' })
    .int('Capacity must be a whole number of seats.')
    .min(1, 'Capacity must be at least 1.')
    .max(1000, 'Capacity must be at most 1000.'),
  // {amount, currency}: amount in minor units, 0 for a free class; currency defaults to the setting.
  price: priceField,
  // Platform fee in basis points, admins only (403 from a practitioner); defaults to the platform_fee_bps setting.
  fee_bps: feeBpsField.optional(),
  location: optionalText('Location', 200).nullable().optional(),
  online_url: optionalText('Online link', 500)
    .refine((u) => u === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(u), 'Online link must start with http:// or https://.')
    .nullable()
    .optional(),
};

/**
 * POST /api/v1/classes. A start in the past is a 400 `validation_failed` with a
 * message on `starts_at` (input the caller can fix), never a 500.
 */
export const createClassesInput = z
  .strictObject({
    ...classShape,
    // Weekly repeats: `weeks` classes in all, a week apart at the same local time in the practitioner's zone.
    repeat: z.strictObject({ weeks: z.number({ error: 'Weeks must be a number.' }).int('Weeks must be a whole number.').min(1, 'Repeat for 1 to 52 weeks.').max(52, 'Repeat for 1 to 52 weeks.') }).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.location && !v.online_url) ctx.addIssue({ code: 'custom', path: ['location'], message: 'Give a location or an online link (or both).' });
  });
export type CreateClassesInput = z.infer<typeof createClassesInput>;

const classFields = {
  row: classes,
  provider: { id: users.id, name: users.name, headline: providerProfiles.headline, time_zone: providerProfiles.timeZone },
};

export function baseQuery(db: Pick<Database, 'select'>) {
  return db
    .select(classFields)
    .from(classes)
    .innerJoin(users, eq(users.id, classes.providerId))
    .innerJoin(providerProfiles, eq(providerProfiles.userId, classes.providerId));
}

export function pastStart(): AppError {
  return new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: { starts_at: ['The class must start in the future.'] } });
}

/**
 * Schedules a class, or a weekly series of them (one transaction; they share a
 * series_id). Each repeat keeps the first class's local time in the
 * practitioner's zone, so a 09:00 class stays at 09:00 across clock changes.
 */
export async function createClasses(input: CreateClassesInput, creator: PublicUser): Promise<ClassDto[]> {
  let providerId: string;
  if (creator.role === 'provider') {
    if (input.provider_id !== undefined && input.provider_id !== creator.id) {
      throw new AppError('forbidden', 'Practitioners can only schedule their own classes.');
    }
    // The platform's cut is the platform's to set.
    if (input.fee_bps !== undefined) throw new AppError('forbidden', 'Only an admin can set the platform fee.');
    providerId = creator.id;
  } else if (creator.role === 'admin') {
    if (!input.provider_id) throw new AppError('validation_failed', 'Choose the practitioner.', { fields: { provider_id: ['Choose the practitioner.'] } });
    providerId = input.provider_id;
  } else {
    throw new AppError('forbidden', 'Only practitioners and admins can schedule classes.');
  }
  const provider = await requireProvider(providerId, 'provider_id');

  const current = now().getTime();
  if (input.starts_at.getTime() <= current) throw pastStart();
  if (input.starts_at.getTime() > current + MAX_DAYS_AHEAD * DAY_MS) {
    throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: { starts_at: [`Classes can be scheduled up to ${MAX_DAYS_AHEAD} days ahead.`] } });
  }
  const weeks = input.repeat?.weeks ?? 1;
  const starts = Array.from({ length: weeks }, (_, i) => sameLocalTimeWeeksLater(input.starts_at, i, provider.time_zone));
  const defaults = await getSettings(['platform_fee_bps', 'default_currency']);
  const seriesId = input.repeat ? randomUUID() : null;

  const rows = await getDb().transaction(async (tx) =>
    tx
      .insert(classes)
      .values(
        starts.map((startsAt) => ({
          providerId: provider.id,
          seriesId,
          title: input.title,
          description: input.description ?? '',
          startsAt,
          durationMinutes: input.duration_minutes,
          capacity: input.capacity,
          priceAmount: input.price.amount,
          currency: input.price.currency ?? defaults.default_currency,
          feeBps: input.fee_bps ?? defaults.platform_fee_bps,
          location: input.location || null,
          onlineUrl: input.online_url || null,
          createdBy: creator.id,
        })),
      )
      .returning(),
  );
  const teacher = { id: provider.id, name: provider.name, headline: provider.headline, time_zone: provider.time_zone };
  return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map((r) => classDto(r, teacher));
}

/** Classes starting in [from, to), by start time; cancelled ones only when asked. At most 1000. */
export async function listClasses(options: { from: Date; to: Date; providerId?: string; includeCancelled?: boolean }): Promise<ClassDto[]> {
  const filters: SQL[] = [gte(classes.startsAt, options.from), lt(classes.startsAt, options.to)];
  if (options.providerId) filters.push(eq(classes.providerId, options.providerId));
  if (!options.includeCancelled) filters.push(isNull(classes.cancelledAt));
  const rows = await baseQuery(getDb())
    .where(and(...filters))
    .orderBy(asc(classes.startsAt), asc(classes.title), asc(classes.id))
    .limit(1000);
  return rows.map((r) => classDto(r.row, r.provider));
}

/** A class (cancelled ones too), or null for an unknown or malformed id. */
export async function getClass(id: string): Promise<ClassDto | null> {
  if (!isUuid(id)) return null;
  const [row] = await baseQuery(getDb()).where(eq(classes.id, id)).limit(1);
  return row ? classDto(row.row, row.provider) : null;
}

type Executor = Pick<Database, 'select' | 'update'>;

/**
 * The class locked for a change by its practitioner or an admin (or the worker,
 * with no actor). Another practitioner's class is a 404, so it does not leak; a client is a 403.
 */
export async function lockOwnClass(tx: Executor, id: string, actor: PublicUser | null, verb: string): Promise<ClassRow> {
  if (!isUuid(id)) throw new AppError('not_found', 'No such class.');
  const [cls] = await tx.select().from(classes).where(eq(classes.id, id)).for('update').limit(1);
  if (!cls) throw new AppError('not_found', 'No such class.');
  if (actor && actor.role !== 'admin' && !(actor.role === 'provider' && actor.id === cls.providerId)) {
    if (actor.role === 'provider') throw new AppError('not_found', 'No such class.');
    throw new AppError('forbidden', `Only an admin or the class’s practitioner can ${verb} it.`);
  }
  return cls;
}

/**
 * Marks a class cancelled (admins, or the practitioner who teaches it) and
 * nothing more: lib/bookings cancels and refunds the bookings inside it, and
 * can pass its own transaction as `tx` so both happen together.
 * Unknown ids (and another practitioner's class) are 404; a class already cancelled is 409 `invalid_transition`.
 */
export async function cancelClass(id: string, actor: PublicUser, tx: Executor = getDb()): Promise<ClassDto> {
  await lockOwnClass(tx, id, actor, 'cancel');
  const stamp = now();
  const updated = await tx
    .update(classes)
    .set({ cancelledAt: stamp, seatsTaken: 0, updatedAt: stamp })
    .where(and(eq(classes.id, id), isNull(classes.cancelledAt)))
    .returning({ id: classes.id });
  if (!updated.length) throw new AppError('invalid_transition', 'This class is already cancelled.');
  const [row] = await baseQuery(tx).where(eq(classes.id, id)).limit(1);
  return classDto(row!.row, row!.provider);
}

/**
 * Marks a class delivered (its provider or an admin, or the worker with no
 * actor): only once it has started, never a cancelled one. False when it was
 * already completed (asking twice is no error).
 */
export async function markClassCompleted(tx: Executor, id: string, actor: PublicUser | null, at: Date): Promise<boolean> {
  const cls = await lockOwnClass(tx, id, actor, 'complete');
  if (cls.cancelledAt) throw new AppError('invalid_transition', 'A cancelled class cannot be completed.');
  if (cls.startsAt > at) throw new AppError('invalid_transition', 'A class can be completed only once it has started.');
  if (cls.completedAt) return false;
  await tx.update(classes).set({ completedAt: at, updatedAt: at }).where(eq(classes.id, id));
  return true;
}

/** Classes still open `hours` after their end (neither completed nor cancelled), oldest first: the worker completes them. */
export async function classesOpenSince(hours: number, at: Date, limit = 100): Promise<string[]> {
  const rows = await getDb()
    .select({ id: classes.id })
    .from(classes)
    .where(and(isNull(classes.completedAt), isNull(classes.cancelledAt), sql`${classes.startsAt} + make_interval(mins => ${classes.durationMinutes}) + make_interval(secs => ${hours * 3600}) < ${at.toISOString()}::timestamptz`))
    .orderBy(asc(classes.startsAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
