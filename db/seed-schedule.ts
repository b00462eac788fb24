import { count, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database } from './client';
import { availabilityRules, classes, sessionTypes, users } from './schema';
import { localBoundary } from '@/lib/schedule/windows';
import { settingDefaults } from '@/lib/settings/defaults';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

interface DemoSessionType {
  name: string;
  description: string;
  durationMinutes: number;
  bufferMinutes?: number;
  priceAmount: number;
  currency: string;
  feeBps?: number;
  depositAmount?: number;
}

/** Each demo practitioner's 1:1 offer (seeds 001 and 002: a 15% fee, and the listeners' 90/10 split). */
const demoSessionTypes: Record<string, DemoSessionType[]> = {
  'maya@wellbook.test': [
    { name: 'Private yoga', description: 'A one-to-one class shaped around your body and goals.', durationMinutes: 60, bufferMinutes: 15, priceAmount: 5500, currency: 'gbp' },
    { name: 'Yoga therapy consult', description: 'A first conversation about an injury or condition.', durationMinutes: 30, priceAmount: 3000, currency: 'gbp', depositAmount: 1000 },
  ],
  'tom@wellbook.test': [
    { name: 'PT session', description: 'Strength and conditioning, one to one.', durationMinutes: 45, bufferMinutes: 15, priceAmount: 4500, currency: 'gbp', feeBps: 1500 },
    { name: 'Assessment', description: 'A free first look at where you are and where you want to be.', durationMinutes: 30, priceAmount: 0, currency: 'gbp' },
  ],
  'sam@wellbook.test': [
    { name: 'Listening session (20 min)', description: 'Someone to talk to, for a short while.', durationMinutes: 20, priceAmount: 3000, currency: 'usd', feeBps: 1000 },
    { name: 'Listening session (40 min)', description: 'Time to talk things through.', durationMinutes: 40, priceAmount: 5000, currency: 'usd', feeBps: 1000 },
  ],
};

/** Mon-Fri 09:00-17:00 and Sat 10:00-13:00, in each practitioner's own zone. */
const demoWeek = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' })),
  { weekday: 6, startTime: '10:00', endTime: '13:00' },
];

const STUDIO = 'Studio A, 12 Mill Lane';
const GYM = 'The Yard Gym, 4 Canal Street';
const PARK = 'Victoria Park, east gate';

type Teacher = 'maya@wellbook.test' | 'tom@wellbook.test';
// [days from the seed date, local time, title, teacher, minutes, capacity, price in pence, location or https link]
const demoClasses: [number, string, string, Teacher, number, number, number, string][] = [
  [1, '07:30', 'Sunrise vinyasa', 'maya@wellbook.test', 60, 12, 1200, STUDIO],
  [1, '12:15', 'Lunchtime stretch', 'maya@wellbook.test', 30, 20, 0, 'https://meet.example/maya-lunchtime-stretch'],
  [1, '18:30', 'Strength circuit', 'tom@wellbook.test', 45, 16, 1000, GYM],
  [2, '09:30', 'Restorative yoga', 'maya@wellbook.test', 75, 10, 1500, STUDIO],
  [2, '19:00', 'HIIT bootcamp', 'tom@wellbook.test', 45, 20, 800, PARK],
  [3, '07:30', 'Sunrise vinyasa', 'maya@wellbook.test', 60, 12, 1200, STUDIO],
  [3, '18:00', 'Kettlebell basics', 'tom@wellbook.test', 60, 8, 1400, GYM],
  [4, '10:00', 'Prenatal yoga', 'maya@wellbook.test', 60, 6, 1800, STUDIO],
  [4, '17:30', 'Core and mobility', 'tom@wellbook.test', 30, 20, 0, 'https://meet.example/tom-core-mobility'],
  [5, '12:30', 'Technique clinic (one place)', 'tom@wellbook.test', 45, 1, 2000, GYM],
  [5, '18:30', 'Yin yoga', 'maya@wellbook.test', 75, 14, 1300, STUDIO],
  [6, '09:00', 'Weekend flow', 'maya@wellbook.test', 90, 18, 1600, STUDIO],
  [6, '10:30', 'Park run club', 'tom@wellbook.test', 60, 20, 0, PARK],
  [7, '10:00', 'Beginners’ yoga', 'maya@wellbook.test', 60, 12, 1000, STUDIO],
  [8, '07:30', 'Sunrise vinyasa', 'maya@wellbook.test', 60, 12, 1200, STUDIO],
  [8, '18:30', 'Strength circuit', 'tom@wellbook.test', 45, 16, 1000, GYM],
  [9, '09:30', 'Restorative yoga', 'maya@wellbook.test', 75, 10, 1500, STUDIO],
  [9, '19:00', 'HIIT bootcamp', 'tom@wellbook.test', 45, 20, 800, PARK],
  [10, '07:30', 'Sunrise vinyasa', 'maya@wellbook.test', 60, 12, 1200, STUDIO],
  [10, '18:00', 'Kettlebell basics', 'tom@wellbook.test', 60, 8, 1400, GYM],
  [11, '10:00', 'Prenatal yoga', 'maya@wellbook.test', 60, 6, 1800, STUDIO],
  [11, '12:15', 'Lunchtime stretch', 'maya@wellbook.test', 30, 20, 0, 'https://meet.example/maya-lunchtime-stretch'],
  [12, '07:00', 'Boxing fitness', 'tom@wellbook.test', 45, 12, 1100, GYM],
  [12, '18:30', 'Yin yoga', 'maya@wellbook.test', 75, 14, 1300, STUDIO],
  [13, '09:00', 'Weekend flow', 'maya@wellbook.test', 90, 18, 1600, STUDIO],
  [13, '10:30', 'Park run club', 'tom@wellbook.test', 60, 20, 0, PARK],
  [14, '10:00', 'Beginners’ yoga', 'maya@wellbook.test', 60, 12, 1000, STUDIO],
  [14, '16:00', 'Mobility for runners', 'tom@wellbook.test', 45, 10, 900, 'https://meet.example/tom-mobility-runners'],
];

/** The demo classes' titles: tests that need a class no other test touches pick one of these. */
export const DEMO_CLASS_TITLES: ReadonlySet<string> = new Set(demoClasses.map(([, , title]) => title));

const CLASS_ZONE = 'Europe/London';

/**
 * Session types and weekly hours for each demo practitioner that has none, and
 * the demo classes when there are no classes at all. Class times are local
 * (Europe/London) on the days after `startedAt`, so the demo always has a
 * fortnight ahead; the same start time always gives the same rows.
 */
export async function seedDemoSchedule(tx: Tx, startedAt: Date): Promise<void> {
  const providerIds = new Map<string, string>();
  for (const email of Object.keys(demoSessionTypes)) {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (user) providerIds.set(email, user.id);
  }
  for (const [email, types] of Object.entries(demoSessionTypes)) {
    const providerId = providerIds.get(email);
    if (!providerId) continue;
    const [existing] = await tx.select({ n: count() }).from(sessionTypes).where(eq(sessionTypes.providerId, providerId));
    if (!existing?.n) {
      await tx.insert(sessionTypes).values(
        types.map((t) => ({ providerId, ...t, bufferMinutes: t.bufferMinutes ?? 0, feeBps: t.feeBps ?? settingDefaults.platform_fee_bps, depositAmount: t.depositAmount ?? null })),
      );
    }
    const [rules] = await tx.select({ n: count() }).from(availabilityRules).where(eq(availabilityRules.providerId, providerId));
    if (!rules?.n) await tx.insert(availabilityRules).values(demoWeek.map((r) => ({ providerId, ...r })));
  }

  const [anyClass] = await tx.select({ n: count() }).from(classes);
  if (anyClass?.n) return;
  const today = DateTime.fromJSDate(startedAt, { zone: CLASS_ZONE }).startOf('day');
  const rows = demoClasses.flatMap(([days, time, title, teacher, durationMinutes, capacity, priceAmount, place]) => {
    const providerId = providerIds.get(teacher);
    const date = today.plus({ days }).toISODate();
    if (!providerId || !date) return [];
    const [h, m] = time.split(':').map(Number);
    const online = place.startsWith('https://');
    return [
      {
        providerId,
        title,
        description: `${title} with ${teacher === 'maya@wellbook.test' ? 'Maya' : 'Tom'}. All levels welcome.`,
        startsAt: localBoundary(date, (h ?? 0) * 60 + (m ?? 0), CLASS_ZONE),
        durationMinutes,
        capacity,
        priceAmount,
        currency: 'gbp',
        feeBps: settingDefaults.platform_fee_bps,
        location: online ? null : place,
        onlineUrl: online ? place : null,
        createdBy: providerId,
      },
    ];
  });
  if (rows.length) await tx.insert(classes).values(rows);
}
