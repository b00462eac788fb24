import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classes, classPackages, packagePurchases, sessionTypes, type ClassPackage } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { now } from '@/lib/clock';
import { isUniqueViolation } from '@/lib/db-errors';
import { logger } from '@/lib/logger';
import { AppError } from '@/lib/errors';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';
import type { PackageInput, PackagePatch, PackageScopeInput } from './api-schemas';
import { findPackageRow, toPackageDto, type PackageDto } from './queries';

/**
 * Admins run the packages (PRODUCT.md). Callers check the role; these check
 * the data: a unique name, scope ids that exist. A change of terms never
 * reaches credits already sold: each credit holds its own copy.
 */

/** Creates a package; the platform fee defaults to the platform_fee_bps setting. */
export async function createPackage(input: PackageInput, actor: PublicUser): Promise<PackageDto> {
  await checkScope(input.scope);
  const feeBps = input.fee_bps ?? (await getSetting('platform_fee_bps'));
  const row = await withUniqueName(() =>
    getDb().transaction(async (tx) => {
      const [created] = await tx
        .insert(classPackages)
        .values({
          name: input.name,
          description: input.description ?? '',
          classCount: input.class_count,
          priceAmount: input.price.amount,
          currency: input.price.currency,
          validityDays: input.validity_days,
          feeBps,
          active: input.active,
          ...scopeColumns(input.scope),
          createdBy: actor.id,
        })
        .returning();
      if (!created) throw new Error('package write returned no row');
      await recordAudit(tx, actor, { action: 'package.created', subject_type: 'package', subject_id: created.id, after: toPackageDto(created) });
      return created;
    }),
  );
  return toPackageDto(row);
}

/**
 * Changes a package. When what a purchase buys changes (count, price, validity,
 * fee, scope) or the package is retired, purchases still waiting for a card
 * are closed: the next ask starts a purchase on the new terms, and no one pays
 * the old price for the new package. Returns the closed purchases, whose open
 * payments the caller cancels (lib/flows: packages know no payments).
 */
export async function changePackage(id: string, patch: PackagePatch, actor: PublicUser): Promise<{ package: PackageDto; closedPurchaseIds: string[] }> {
  const current = await findPackageRow(id);
  if (!current) throw new AppError('not_found', 'No such package.');
  if (patch.scope) await checkScope(patch.scope);
  const at = now();
  const closeOpen = termsChange(current, patch) || (patch.active === false && current.active);
  const { row, closed } = await withUniqueName(() =>
    getDb().transaction(async (tx) => {
      const [updated] = await tx
        .update(classPackages)
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.class_count !== undefined && { classCount: patch.class_count }),
          ...(patch.price !== undefined && { priceAmount: patch.price.amount, currency: patch.price.currency }),
          ...(patch.validity_days !== undefined && { validityDays: patch.validity_days }),
          ...(patch.fee_bps !== undefined && { feeBps: patch.fee_bps }),
          ...(patch.active !== undefined && { active: patch.active }),
          ...(patch.scope !== undefined && scopeColumns(patch.scope)),
          updatedAt: at,
        })
        .where(eq(classPackages.id, current.id))
        .returning();
      if (!updated) throw new AppError('not_found', 'No such package.');
      await recordAudit(tx, actor, { action: 'package.changed', subject_type: 'package', subject_id: updated.id, before: toPackageDto(current), after: toPackageDto(updated) });
      const open = closeOpen
        ? await tx
            .update(packagePurchases)
            .set({ status: 'abandoned', updatedAt: at })
            .where(and(eq(packagePurchases.packageId, current.id), inArray(packagePurchases.status, ['pending', 'failed'])))
            .returning({ id: packagePurchases.id })
        : [];
      return { row: updated, closed: open };
    }),
  );
  logger.info('package changed', { package_id: row.id, changed_by: actor.id, fields: Object.keys(patch), closed_purchases: closed.length });
  return { package: toPackageDto(row), closedPurchaseIds: closed.map((p) => p.id) };
}

function termsChange(current: ClassPackage, patch: PackagePatch): boolean {
  const scope = patch.scope;
  return (
    (patch.class_count !== undefined && patch.class_count !== current.classCount) ||
    (patch.price !== undefined && (patch.price.amount !== current.priceAmount || patch.price.currency !== current.currency)) ||
    (patch.validity_days !== undefined && patch.validity_days !== current.validityDays) ||
    (patch.fee_bps !== undefined && patch.fee_bps !== current.feeBps) ||
    (scope !== undefined &&
      (scope.classes !== current.classScope || !sameIds(scope.class_ids, current.classIds) || !sameIds(scope.session_type_ids, current.sessionTypeIds)))
  );
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function scopeColumns(scope: PackageScopeInput) {
  return { classScope: scope.classes, classIds: scope.class_ids, sessionTypeIds: scope.session_type_ids };
}

/** Every id of a scope must name a class, a class series or a session type that exists. */
async function checkScope(scope: PackageScopeInput): Promise<void> {
  const fields: Record<string, string[]> = {};
  if (scope.class_ids.length > 0) {
    const rows = await getDb()
      .select({ id: classes.id, seriesId: classes.seriesId })
      .from(classes)
      .where(or(inArray(classes.id, scope.class_ids), inArray(classes.seriesId, scope.class_ids)));
    const known = new Set(rows.flatMap((r) => [r.id, r.seriesId]));
    const unknown = scope.class_ids.filter((id) => !known.has(id));
    if (unknown.length > 0) fields['scope.class_ids'] = [`No class or class series has the id ${unknown.join(', ')}.`];
  }
  if (scope.session_type_ids.length > 0) {
    const rows = await getDb().select({ id: sessionTypes.id }).from(sessionTypes).where(inArray(sessionTypes.id, scope.session_type_ids));
    const known = new Set(rows.map((r) => r.id));
    const unknown = scope.session_type_ids.filter((id) => !known.has(id));
    if (unknown.length > 0) fields['scope.session_type_ids'] = [`No session type has the id ${unknown.join(', ')}.`];
  }
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields });
}

/** Names are unique regardless of case (the class_packages_name_key index decides, under concurrency too). */
async function withUniqueName<T>(write: () => Promise<T | T[]>): Promise<T> {
  try {
    const result = await write();
    const row = Array.isArray(result) ? result[0] : result;
    if (row === undefined) throw new Error('package write returned no row');
    return row;
  } catch (err) {
    if (isUniqueViolation(err, 'class_packages_name_key')) {
      throw new AppError('conflict', 'A package with this name already exists.', { fields: { name: ['A package with this name already exists.'] } });
    }
    throw err;
  }
}
