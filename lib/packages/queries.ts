import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classPackages, type ClassPackage, type PackageClassScope } from '@/db/schema';
import { isUuid } from '@/lib/fields';
import { money, type Money } from '@/lib/money';

/** A class package as the API shows it (seed 000's fields, with Money objects instead of decimal strings). */
export interface PackageDto {
  id: string;
  name: string;
  description: string;
  class_count: number;
  price: Money;
  /** The price over the classes, rounded down. */
  price_per_class: Money;
  validity_days: number;
  platform_fee_bps: number;
  active: boolean;
  scope: { classes: PackageClassScope; class_ids: string[]; session_type_ids: string[] };
  created_at: string;
  updated_at: string;
}

export function toPackageDto(row: ClassPackage): PackageDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    class_count: row.classCount,
    price: money(row.priceAmount, row.currency),
    price_per_class: money(Math.floor(row.priceAmount / row.classCount), row.currency),
    validity_days: row.validityDays,
    platform_fee_bps: row.feeBps,
    active: row.active,
    scope: { classes: row.classScope, class_ids: row.classIds, session_type_ids: row.sessionTypeIds },
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Packages on sale (and retired ones when asked): active first, then smallest first, then by name. */
export async function listPackages(options: { includeRetired?: boolean } = {}): Promise<PackageDto[]> {
  const rows = await getDb()
    .select()
    .from(classPackages)
    .where(options.includeRetired ? undefined : eq(classPackages.active, true))
    .orderBy(desc(classPackages.active), asc(classPackages.classCount), asc(classPackages.name));
  return rows.map(toPackageDto);
}

/** One package, or null for an unknown or malformed id (and for a retired one unless asked). */
export async function getPackage(id: string, options: { includeRetired?: boolean } = {}): Promise<PackageDto | null> {
  const row = await findPackageRow(id);
  if (!row || (!row.active && !options.includeRetired)) return null;
  return toPackageDto(row);
}

export async function findPackageRow(id: string): Promise<ClassPackage | null> {
  if (!isUuid(id)) return null;
  const [row] = await getDb().select().from(classPackages).where(eq(classPackages.id, id)).limit(1);
  return row ?? null;
}
