import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classPackages, packagePurchases } from '@/db/schema';

/** The package each purchase bought ("10-class pass"), for lists that name it. */
export async function purchaseNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await getDb()
    .select({ id: packagePurchases.id, name: classPackages.name })
    .from(packagePurchases)
    .innerJoin(classPackages, eq(classPackages.id, packagePurchases.packageId))
    .where(inArray(packagePurchases.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
