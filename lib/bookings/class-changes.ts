import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { bookings } from '@/db/schema';
import { now } from '@/lib/clock';
import { updateClass, type ClassDto, type UpdateClassInput } from '@/lib/schedule';
import type { PublicUser } from '@/lib/users';
import { addNotice } from './notices';

/** Bookings that still expect the class to happen as booked. */
const HOLDING = ['pending_payment', 'confirmed'] as const;

/** Someone has paid for a seat (by card, with a credit, or a card payment is under way): the price is then fixed. */
async function hasPaidSeats(tx: Tx, classId: string): Promise<boolean> {
  const [paid] = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.classId, classId), inArray(bookings.paymentStatus, ['pending', 'paid', 'partially_refunded', 'credit_used'])))
    .limit(1);
  return paid !== undefined;
}

/**
 * Changes a class and, in the same transaction, what its bookings copy of it:
 * a new start or length moves every booking still held, and each of those
 * clients gets a notice of what changed.
 */
export async function editClassAndBookings(classId: string, patch: UpdateClassInput, actor: PublicUser): Promise<ClassDto> {
  return getDb().transaction(async (tx) => {
    const { before, after, moved } = await updateClass(tx, classId, patch, actor, () => hasPaidSeats(tx, classId));
    const at = now();
    const inClass = and(eq(bookings.classId, classId), inArray(bookings.status, [...HOLDING]));
    const held = await tx.select({ id: bookings.id, clientId: bookings.clientId }).from(bookings).where(inClass).for('update');
    if (moved) await tx.update(bookings).set({ startsAt: new Date(after.starts_at), endsAt: new Date(after.ends_at), updatedAt: at }).where(inClass);
    const changes = [
      moved ? `now starts ${after.starts_at} and lasts ${after.duration_minutes} minutes` : null,
      after.location !== before.location || after.online_url !== before.onlineUrl ? `is now at ${[after.location, after.online_url].filter(Boolean).join(' / ')}` : null,
      after.title !== before.title ? `is now called "${after.title}"` : null,
    ].filter((c): c is string => c !== null);
    if (changes.length) {
      for (const b of held) {
        await addNotice(tx, b.clientId, { kind: 'class_changed', message: `"${before.title}" ${changes.join(', ')}.`, link: `/account/bookings/${b.id}` });
      }
    }
    return after;
  });
}
