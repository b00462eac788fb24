import 'server-only';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { classes, type ClassRow } from '@/db/schema';
import { now } from '@/lib/clock';

/**
 * A class's seat counter, written only here. Takes one seat if one is left: a single conditional UPDATE, so concurrent
 * requests queue on the row and the counter can never pass capacity (a check
 * constraint backs this up). Undefined means the class is full, cancelled or gone.
 */
export async function takeSeat(tx: Tx, classId: string): Promise<ClassRow | undefined> {
  const [row] = await tx
    .update(classes)
    .set({ seatsTaken: sql`${classes.seatsTaken} + 1`, updatedAt: now() })
    .where(and(eq(classes.id, classId), lt(classes.seatsTaken, classes.capacity), isNull(classes.cancelledAt)))
    .returning();
  return row;
}

export async function releaseSeat(tx: Tx, classId: string): Promise<void> {
  await tx
    .update(classes)
    .set({ seatsTaken: sql`${classes.seatsTaken} - 1`, updatedAt: now() })
    .where(and(eq(classes.id, classId), gt(classes.seatsTaken, 0)));
}
