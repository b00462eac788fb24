import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classPackages, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import { adjustCredit, grantCredit, userActor } from './ledger';
import { creditHistory, toCreditDto, type CreditDto, type CreditEntryDto } from './queries';
import { creditExpiry } from '@/lib/time';


/** An admin adds or takes uses of one credit, with a reason that goes into the ledger. */
export async function adjustClientCredit(creditId: string, input: { delta: number; reason: string }, admin: PublicUser): Promise<{ credit: CreditDto; entry: CreditEntryDto }> {
  const credit = await getDb().transaction(async (tx) => {
    const after = await adjustCredit(tx, creditId, { delta: input.delta, reason: input.reason, at: now(), actor: userActor(admin.id) });
    await recordAudit(tx, admin, {
      action: 'credit.adjusted',
      subject_type: 'credit',
      subject_id: after.id,
      before: { remaining_uses: after.remainingUses - input.delta },
      after: { remaining_uses: after.remainingUses, delta: input.delta },
      note: input.reason,
    });
    return after;
  });
  const [entry] = await creditHistory([credit.id]);
  if (!entry) throw new Error('adjustment entry missing');
  return { credit: toCreditDto(credit), entry };
}

/**
 * An admin gives a client a complimentary credit: `uses` uses for
 * `validityDays` days, named and scoped like `packageId` if given, else
 * valid for every class. Nothing is paid, so nothing is earned from it.
 */
export async function grantComplimentaryCredit(
  clientId: string,
  input: { uses: number; validityDays: number; reason: string; packageId?: string },
  admin: PublicUser,
): Promise<CreditDto> {
  const db = getDb();
  const [client] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, clientId), eq(users.role, 'client'))).limit(1);
  if (!client) throw new AppError('not_found', 'No such client.');
  const [pkg] = input.packageId ? await db.select().from(classPackages).where(eq(classPackages.id, input.packageId)).limit(1) : [];
  if (input.packageId && !pkg) throw new AppError('not_found', 'No such package.', { fields: { package_id: ['No package has this id.'] } });
  const at = now();
  const currency = pkg?.currency ?? (await getSetting('default_currency'));
  const { credit } = await db.transaction(async (tx) => {
    const granted = await grantCredit(tx, {
      clientId,
      packageId: pkg?.id ?? null,
      purchaseId: null,
      source: 'admin',
      packageName: pkg?.name ?? 'Complimentary credit',
      uses: input.uses,
      paymentId: null,
      amountPaid: 0,
      currency,
      feeBps: pkg?.feeBps ?? 0,
      purchasedAt: at,
      expiresAt: creditExpiry(at, input.validityDays),
      classScope: pkg?.classScope ?? 'all',
      classIds: pkg?.classIds ?? [],
      sessionTypeIds: pkg?.sessionTypeIds ?? [],
      actor: userActor(admin.id),
      reason: input.reason,
    });
    await recordAudit(tx, admin, {
      action: 'credit.granted',
      subject_type: 'credit',
      subject_id: granted.credit.id,
      after: { client_id: clientId, uses: input.uses, validity_days: input.validityDays, package_id: pkg?.id ?? null },
      note: input.reason,
    });
    return granted;
  });
  return toCreditDto(credit, at);
}
