import { count, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from './client';
import { availabilityRules, classes, classPackages, sessionTypes, users } from './schema';
import { localBoundary } from '@/lib/schedule/windows';
import { settingDefaults } from '@/lib/settings/defaults';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The Nairobi demo practitioner (seed 004): priced in Kenyan shillings, paid by M-Pesa. */
export const NAIROBI_EMAIL = 'wanjiru@wellbook.test';
const ZONE = 'Africa/Nairobi';
const KARURA = 'Karura Forest, Limuru Road gate';
const AMANI = 'Studio Amani, Woodvale Grove, Westlands';

// [days from the seed date, local time, title, minutes, capacity, price in cents (KES 1,500 = 150000), place]
// Days 2 to 13, so the London classes stay the soonest and the latest on the schedule.
const nairobiClasses: [number, string, string, number, number, number, string][] = [
  [2, '07:00', 'Forest yoga at Karura', 60, 15, 150_000, KARURA],
  [3, '18:00', 'Breathwork and stretch', 45, 12, 100_000, AMANI],
  [5, '07:00', 'Forest yoga at Karura', 60, 15, 150_000, KARURA],
  [6, '09:00', 'Power yoga', 60, 12, 120_000, AMANI],
  [9, '07:00', 'Forest yoga at Karura', 60, 15, 150_000, KARURA],
  [10, '18:00', 'Breathwork and stretch', 45, 12, 100_000, AMANI],
  [13, '09:00', 'Power yoga', 60, 12, 120_000, AMANI],
];

/** A pass for Wanjiru's classes, in shillings: KES 6,000 for 5. */
export const nairobiPackage = { name: 'Nairobi 5 Class Pass', description: '5 of Wanjiru’s Nairobi classes, paid by M-Pesa', classCount: 5, priceAmount: 600_000, currency: 'kes', validityDays: 180 };

/**
 * Wanjiru's 1:1 session type and weekly hours when she has none, her KES
 * classes when she has no classes, and the KES class pass when it is missing
 * (by name). Idempotent like the rest of the demo seed.
 */
export async function seedNairobi(tx: Tx, startedAt: Date): Promise<void> {
  const [wanjiru] = await tx.select({ id: users.id }).from(users).where(eq(users.email, NAIROBI_EMAIL));
  if (!wanjiru) return;
  const providerId = wanjiru.id;
  const feeBps = settingDefaults.platform_fee_bps;

  const [types] = await tx.select({ n: count() }).from(sessionTypes).where(eq(sessionTypes.providerId, providerId));
  if (!types?.n) {
    await tx.insert(sessionTypes).values({
      providerId,
      name: 'Private yoga, Nairobi',
      description: 'A one-to-one class at Studio Amani or at your home in Westlands.',
      durationMinutes: 60,
      bufferMinutes: 30,
      priceAmount: 350_000,
      currency: 'kes',
      feeBps,
      depositAmount: null,
    });
  }
  const [rules] = await tx.select({ n: count() }).from(availabilityRules).where(eq(availabilityRules.providerId, providerId));
  if (!rules?.n) {
    await tx.insert(availabilityRules).values([1, 2, 3, 4, 5].map((weekday) => ({ providerId, weekday, startTime: '08:00', endTime: '16:00' })));
  }

  const [own] = await tx.select({ n: count() }).from(classes).where(eq(classes.providerId, providerId));
  if (!own?.n) {
    const today = DateTime.fromJSDate(startedAt, { zone: ZONE }).startOf('day');
    const rows = nairobiClasses.flatMap(([days, time, title, durationMinutes, capacity, priceAmount, location]) => {
      const date = today.plus({ days }).toISODate();
      if (!date) return [];
      const [h, m] = time.split(':').map(Number);
      return [
        {
          providerId,
          title,
          description: `${title} with Wanjiru, in Nairobi. All levels welcome; pay by M-Pesa.`,
          startsAt: localBoundary(date, (h ?? 0) * 60 + (m ?? 0), ZONE),
          durationMinutes,
          capacity,
          priceAmount,
          currency: 'kes',
          feeBps,
          location,
          onlineUrl: null,
          createdBy: providerId,
        },
      ];
    });
    if (rows.length) await tx.insert(classes).values(rows);
  }

  const classIds = (await tx.select({ id: classes.id }).from(classes).where(eq(classes.providerId, providerId))).map((c) => c.id);
  await tx
    .insert(classPackages)
    .values({ ...nairobiPackage, feeBps, classScope: classIds.length ? 'selected' : 'all', classIds })
    .onConflictDoNothing();
}
