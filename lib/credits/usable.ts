import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classes, credits } from '@/db/schema';
import { now } from '@/lib/clock';
import { covers, usableAt, type CreditTarget } from './ledger';
import { toCreditDto, type CreditDto } from './queries';

/**
 * The credit a booking would use now (valid, covering it, expiring first),
 * and how many uses the client's covering credits have in all: what a
 * booking page shows beside "Use a credit". Null when none applies.
 */
export async function usableCreditFor(clientId: string, target: CreditTarget): Promise<{ next: CreditDto; uses_left: number } | null> {
  const at = now();
  const rows = await getDb()
    .select()
    .from(credits)
    .where(and(eq(credits.clientId, clientId), usableAt(at), covers(target)))
    .orderBy(asc(credits.expiresAt), asc(credits.id));
  const first = rows[0];
  if (!first) return null;
  return { next: toCreditDto(first, at), uses_left: rows.reduce((sum, c) => sum + c.remainingUses, 0) };
}

/** The credit target of a class: the class and its weekly series. */
export async function classTarget(classId: string): Promise<CreditTarget | null> {
  const [cls] = await getDb().select({ id: classes.id, seriesId: classes.seriesId }).from(classes).where(eq(classes.id, classId)).limit(1);
  return cls ? { kind: 'class', classId: cls.id, seriesId: cls.seriesId } : null;
}
