import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { sessionTypes, type SessionType } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import { isUuid, uuidField } from '@/lib/fields';
import { amountField, durationField, feeBpsField, optionalText, priceField } from './fields';
import { sessionTypeDto, type SessionTypeDto } from './session-type-dto';

export type { SessionTypeDto } from './session-type-dto';

const nameField = optionalText('Name', 100).min(1, 'Name is required.');
const bufferField = z
  .number({ error: 'Buffer must be a number of minutes.' })
  .int('Buffer must be a whole number of minutes.')
  .min(0, 'Buffer must be between 0 and 240 minutes.')
  .max(240, 'Buffer must be between 0 and 240 minutes.');
// Charged at booking instead of the full price; in the price's currency, > 0 and at most the price. null removes it.
const depositField = amountField.min(1, 'A deposit must be more than zero.').nullable();

/** POST /api/v1/session-types (and the provider's "New session type" form). */
export const createSessionTypeInput = z.strictObject({
  // Admins only: whose session type it is. Providers may omit it (or send their own id).
  provider_id: uuidField('Practitioner').optional(),
  name: nameField,
  description: optionalText('Description', 2000).optional(),
  duration_minutes: durationField,
  // Minutes kept free after each session before the next may start.
  buffer_minutes: bufferField.optional(),
  // {amount, currency}: currency defaults to the default_currency setting.
  price: priceField,
  // Platform fee in basis points, admins only (403 from a practitioner); defaults to the platform_fee_bps setting.
  fee_bps: feeBpsField.optional(),
  deposit_amount: depositField.optional(),
});
export type CreateSessionTypeInput = z.infer<typeof createSessionTypeInput>;

/** PATCH /api/v1/session-types/:id: any subset; `active: false` deactivates (existing bookings stay). */
export const updateSessionTypeInput = createSessionTypeInput
  .omit({ provider_id: true })
  .partial()
  .extend({ active: z.boolean({ error: 'Active must be true or false.' }).optional() });
export type UpdateSessionTypeInput = z.infer<typeof updateSessionTypeInput>;

/** The platform's cut is the platform's to set: a practitioner sending fee_bps is refused. */
export function assertMaySetFee(actor: PublicUser, input: { fee_bps?: number }): void {
  if (input.fee_bps !== undefined && actor.role !== 'admin') throw new AppError('forbidden', 'Only an admin can set the platform fee.');
}

function checkDeposit(price: number, deposit: number | null): void {
  if (deposit !== null && deposit > price) {
    throw new AppError('validation_failed', 'Some fields are missing or invalid.', {
      fields: { deposit_amount: ['A deposit cannot be more than the price.'] },
    });
  }
}

export async function createSessionType(providerId: string, input: CreateSessionTypeInput): Promise<SessionTypeDto> {
  const defaults = await getSettings(['platform_fee_bps', 'default_currency']);
  const deposit = input.deposit_amount ?? null;
  checkDeposit(input.price.amount, deposit);
  const [row] = await getDb()
    .insert(sessionTypes)
    .values({
      providerId,
      name: input.name,
      description: input.description ?? '',
      durationMinutes: input.duration_minutes,
      bufferMinutes: input.buffer_minutes ?? 0,
      priceAmount: input.price.amount,
      currency: input.price.currency ?? defaults.default_currency,
      feeBps: input.fee_bps ?? defaults.platform_fee_bps,
      depositAmount: deposit,
    })
    .returning();
  return sessionTypeDto(row!);
}

/** The session type, active or not, or null for an unknown (or malformed) id. */
export async function getSessionType(id: string): Promise<SessionTypeDto | null> {
  const row = await findRow(id);
  return row ? sessionTypeDto(row) : null;
}

async function findRow(id: string): Promise<SessionType | null> {
  if (!isUuid(id)) return null;
  const [row] = await getDb().select().from(sessionTypes).where(eq(sessionTypes.id, id)).limit(1);
  return row ?? null;
}

/** A provider's session types, active first; inactive ones only when asked. */
export async function listSessionTypes(providerId: string, options: { includeInactive?: boolean } = {}): Promise<SessionTypeDto[]> {
  const rows = await getDb()
    .select()
    .from(sessionTypes)
    .where(options.includeInactive ? eq(sessionTypes.providerId, providerId) : and(eq(sessionTypes.providerId, providerId), eq(sessionTypes.active, true)))
    .orderBy(desc(sessionTypes.active), asc(sessionTypes.durationMinutes), asc(sessionTypes.name));
  return rows.map(sessionTypeDto);
}

/**
 * Changes a session type. `ownerId` is the provider it must belong to (null
 * for admins, who may change any): another provider's id reads as unknown.
 * Bookings already made keep the price they were made at.
 */
export async function updateSessionType(id: string, ownerId: string | null, input: UpdateSessionTypeInput): Promise<SessionTypeDto> {
  const current = await findRow(id);
  if (!current || (ownerId !== null && current.providerId !== ownerId)) throw new AppError('not_found', 'No such session type.');
  const price = input.price?.amount ?? current.priceAmount;
  const deposit = input.deposit_amount !== undefined ? input.deposit_amount : current.depositAmount;
  checkDeposit(price, deposit);
  const [row] = await getDb()
    .update(sessionTypes)
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.duration_minutes !== undefined && { durationMinutes: input.duration_minutes }),
      ...(input.buffer_minutes !== undefined && { bufferMinutes: input.buffer_minutes }),
      ...(input.price !== undefined && { priceAmount: input.price.amount, currency: input.price.currency ?? current.currency }),
      ...(input.fee_bps !== undefined && { feeBps: input.fee_bps }),
      ...(input.active !== undefined && { active: input.active }),
      depositAmount: deposit,
      updatedAt: now(),
    })
    .where(eq(sessionTypes.id, id))
    .returning();
  return sessionTypeDto(row!);
}

export async function deactivateSessionType(id: string, ownerId: string | null): Promise<SessionTypeDto> {
  return updateSessionType(id, ownerId, { active: false });
}
