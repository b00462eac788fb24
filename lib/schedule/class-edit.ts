import 'server-only';
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { classes, type ClassRow } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { DAY_MS } from '@/lib/time';
import type { PublicUser } from '@/lib/users';
import { classDto, type ClassDto } from './class-dto';
import { baseQuery, classShape, lockOwnClass, MAX_DAYS_AHEAD, pastStart } from './classes';

/**
 * PATCH /api/v1/classes/:id: any of the class's own fields (the practitioner
 * and the platform fee are not the practitioner's to change). A start in the
 * past is a 400 on `starts_at`, as when scheduling.
 */
export const updateClassInput = z
  .strictObject({
    title: classShape.title.optional(),
    description: classShape.description,
    starts_at: classShape.starts_at.optional(),
    duration_minutes: classShape.duration_minutes.optional(),
    // Never below the seats already booked (409).
    capacity: classShape.capacity.optional(),
    // Only while no one has paid for a seat, by card or with a credit (409 after).
    price: classShape.price.optional(),
    location: classShape.location,
    online_url: classShape.online_url,
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Send at least one field to change.' });
export type UpdateClassInput = z.infer<typeof updateClassInput>;

export interface ClassChange {
  before: ClassRow;
  after: ClassDto;
  /** The start or the length changed: the bookings' times follow. */
  moved: boolean;
}

function conflict(field: string, message: string): AppError {
  return new AppError('conflict', message, { fields: { [field]: [message] } });
}

/**
 * Changes a class (its practitioner or an admin) in the caller's transaction,
 * the row locked: only before it starts, never once cancelled or completed.
 * `hasPaidSeats` answers whether anyone has paid (lib/bookings knows), asked
 * only when the price changes. The capacity is checked against the seat
 * counter in the same conditional update that sets it, so a seat taken
 * meanwhile cannot be squeezed out.
 */
export async function updateClass(tx: Tx, id: string, patch: UpdateClassInput, actor: PublicUser, hasPaidSeats: () => Promise<boolean>): Promise<ClassChange> {
  const before = await lockOwnClass(tx, id, actor, 'change');
  const at = now();
  if (before.cancelledAt) throw new AppError('invalid_transition', 'A cancelled class cannot be changed.');
  if (before.completedAt || before.startsAt <= at) throw new AppError('invalid_transition', 'A class that has started cannot be changed.');

  const startsAt = patch.starts_at ?? before.startsAt;
  if (patch.starts_at) {
    if (startsAt <= at) throw pastStart();
    if (startsAt.getTime() > at.getTime() + MAX_DAYS_AHEAD * DAY_MS) {
      throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: { starts_at: [`Classes can be scheduled up to ${MAX_DAYS_AHEAD} days ahead.`] } });
    }
  }
  const location = patch.location === undefined ? before.location : patch.location || null;
  const onlineUrl = patch.online_url === undefined ? before.onlineUrl : patch.online_url || null;
  if (!location && !onlineUrl) {
    throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: { location: ['Give a location or an online link (or both).'] } });
  }
  const currency = patch.price?.currency ?? before.currency;
  const repriced = patch.price !== undefined && (patch.price.amount !== before.priceAmount || currency !== before.currency);
  if (repriced && (await hasPaidSeats())) throw conflict('price', 'Someone has already paid for this class, so its price cannot change.');

  const capacity = patch.capacity ?? before.capacity;
  const [updated] = await tx
    .update(classes)
    .set({
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      startsAt,
      durationMinutes: patch.duration_minutes ?? before.durationMinutes,
      capacity,
      priceAmount: patch.price?.amount ?? before.priceAmount,
      currency,
      location,
      onlineUrl,
      updatedAt: at,
    })
    .where(and(eq(classes.id, id), isNull(classes.cancelledAt), gte(sql`${capacity}::int`, classes.seatsTaken)))
    .returning({ id: classes.id });
  if (!updated) {
    const booked = before.seatsTaken;
    throw conflict('capacity', `${booked} ${booked === 1 ? 'seat is' : 'seats are'} booked, so the class needs at least ${booked} ${booked === 1 ? 'place' : 'places'}.`);
  }
  const [row] = await baseQuery(tx).where(eq(classes.id, id)).limit(1);
  const after = classDto(row!.row, row!.provider);
  return { before, after, moved: after.starts_at !== before.startsAt.toISOString() || after.duration_minutes !== before.durationMinutes };
}
