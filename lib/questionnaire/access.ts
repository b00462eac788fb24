import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings } from '@/db/schema';
import type { PublicUser } from '@/lib/users';

type Viewer = Pick<PublicUser, 'id' | 'role'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Any booking, whatever its status, makes the provider one of the client's providers. */
export async function hasBookedWith(providerId: string, clientId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ one: sql<number>`1` })
    .from(bookings)
    .where(and(eq(bookings.providerId, providerId), eq(bookings.clientId, clientId)))
    .limit(1);
  return row !== undefined;
}

/** PRODUCT.md: answers are visible only to the client, admins and the client's providers. */
export async function canViewQuestionnaire(viewer: Viewer, clientId: string): Promise<boolean> {
  if (!isUuid(clientId)) return false;
  if (viewer.role === 'admin') return true;
  if (viewer.id === clientId) return true;
  if (viewer.role === 'provider') return hasBookedWith(viewer.id, clientId);
  return false;
}

/** Clearing is for admins and the client's providers, never the client. */
export async function canClearQuestionnaire(viewer: Viewer, clientId: string): Promise<boolean> {
  if (viewer.id === clientId) return false;
  if (viewer.role !== 'admin' && viewer.role !== 'provider') return false;
  return canViewQuestionnaire(viewer, clientId);
}
