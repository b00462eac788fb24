import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { providerProfiles, sessionTypes, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { PublicUser } from '@/lib/users';
import { isUuid } from '@/lib/fields';
import { sessionTypeDto, type SessionTypeDto } from './session-type-dto';

export interface ProviderSummary {
  id: string;
  name: string;
  headline: string;
  bio: string;
  time_zone: string;
}

export interface ProviderWithSessionTypes extends ProviderSummary {
  session_types: Omit<SessionTypeDto, 'provider_id' | 'buffer_minutes' | 'fee_bps' | 'active'>[];
}

const providerFields = {
  id: users.id,
  name: users.name,
  headline: providerProfiles.headline,
  bio: providerProfiles.bio,
  timeZone: providerProfiles.timeZone,
};

type ProviderRow = { id: string; name: string; headline: string; bio: string; timeZone: string };

function toSummary(row: ProviderRow): ProviderSummary {
  return { id: row.id, name: row.name, headline: row.headline, bio: row.bio, time_zone: row.timeZone };
}

/**
 * Gives a user made a practitioner a profile, unless they have one from an
 * earlier time in the role (kept as it was). The headline starts empty and the
 * zone at the platform's; the practitioner edits both.
 */
export async function ensureProviderProfile(tx: DbOrTx, userId: string, timeZone: string): Promise<{ created: boolean }> {
  const inserted = await tx
    .insert(providerProfiles)
    .values({ userId, headline: '', timeZone })
    .onConflictDoNothing({ target: providerProfiles.userId })
    .returning({ id: providerProfiles.userId });
  return { created: inserted.length > 0 };
}

const isActiveProvider = and(eq(users.role, 'provider'), isNull(users.disabledAt));

/** A practitioner who can be booked (provider role, not disabled, with a profile), or null. */
export async function findProvider(id: string): Promise<ProviderSummary | null> {
  if (!isUuid(id)) return null;
  const [row] = await getDb()
    .select(providerFields)
    .from(users)
    .innerJoin(providerProfiles, eq(providerProfiles.userId, users.id))
    .where(and(eq(users.id, id), isActiveProvider))
    .limit(1);
  return row ? toSummary(row) : null;
}

export async function requireProvider(id: string, field?: string): Promise<ProviderSummary> {
  const provider = await findProvider(id);
  if (!provider) {
    throw new AppError('not_found', 'No such practitioner.', field ? { fields: { [field]: ['No such practitioner.'] } } : {});
  }
  return provider;
}

async function withSessionTypes(providers: ProviderSummary[]): Promise<ProviderWithSessionTypes[]> {
  if (!providers.length) return [];
  const types = await getDb()
    .select()
    .from(sessionTypes)
    .where(and(inArray(sessionTypes.providerId, providers.map((p) => p.id)), eq(sessionTypes.active, true)))
    .orderBy(asc(sessionTypes.durationMinutes), asc(sessionTypes.name));
  return providers.map((p) => ({
    ...p,
    session_types: types
      .filter((t) => t.providerId === p.id)
      .map((t) => {
        const { id, name, description, duration_minutes, price, deposit } = sessionTypeDto(t);
        return { id, name, description, duration_minutes, price, deposit };
      }),
  }));
}

/** Every bookable practitioner by name, each with their active session types. */
export async function listProviders(): Promise<ProviderWithSessionTypes[]> {
  const rows = await getDb()
    .select(providerFields)
    .from(users)
    .innerJoin(providerProfiles, eq(providerProfiles.userId, users.id))
    .where(isActiveProvider)
    .orderBy(asc(users.name), asc(users.id))
    .limit(500);
  return withSessionTypes(rows.map(toSummary));
}

export async function getProvider(id: string): Promise<ProviderWithSessionTypes> {
  const [provider] = await withSessionTypes([await requireProvider(id)]);
  return provider!;
}

/**
 * Whose schedule a self-service request is about: a provider's own, whatever
 * they send (another provider's id is a 403); an admin's must name one.
 */
export async function scheduleOwnerFor(actor: PublicUser, requested: string | undefined): Promise<ProviderSummary> {
  if (actor.role === 'provider') {
    if (requested !== undefined && requested !== actor.id) {
      throw new AppError('forbidden', 'Practitioners can only manage their own schedule.');
    }
    return requireProvider(actor.id);
  }
  if (actor.role === 'admin') {
    if (requested === undefined) {
      throw new AppError('validation_failed', 'Choose the practitioner.', { fields: { provider_id: ['Choose the practitioner.'] } });
    }
    return requireProvider(requested, 'provider_id');
  }
  throw new AppError('forbidden', 'You do not have access to this resource.');
}
