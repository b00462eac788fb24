import { eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { classPackages, providerProfiles, settings, users, type UserRole } from './schema';
import { hashPassword } from '@/lib/crypto/password';
import { now } from '@/lib/clock';
import { settingDefaults } from '@/lib/settings/defaults';
import { seedDemoClients } from './seed-clients';
import { seedDemoEarnings } from './seed-earnings';
import { seedNairobi } from './seed-nairobi';
import { seedDemoSchedule } from './seed-schedule';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Every demo account shares this password; the README lists the logins. */
export const DEMO_PASSWORD = 'demo-password';

interface DemoUser {
  email: string;
  name: string;
  role: UserRole;
  provider?: { headline: string; bio: string; timeZone: string };
}

export const demoUsers: DemoUser[] = [
  { email: 'admin@wellbook.test', name: 'Aly Admin', role: 'admin' },
  {
    email: 'maya@wellbook.test',
    name: 'Maya Patel',
    role: 'provider',
    provider: { headline: 'Yoga teacher', bio: 'Vinyasa and restorative yoga for every body.', timeZone: 'Europe/London' },
  },
  {
    email: 'tom@wellbook.test',
    name: 'Tom Okafor',
    role: 'provider',
    provider: { headline: 'Personal trainer', bio: 'Strength and conditioning, one to one.', timeZone: 'Europe/London' },
  },
  {
    email: 'sam@wellbook.test',
    name: 'Sam Rivera',
    role: 'provider',
    provider: { headline: 'Listener', bio: 'A calm ear when you need to talk things through.', timeZone: 'America/New_York' },
  },
  {
    // Priced in Kenyan shillings and paid by M-Pesa (db/seed-nairobi.ts).
    email: 'wanjiru@wellbook.test',
    name: 'Wanjiru Kamau',
    role: 'provider',
    provider: { headline: 'Yoga teacher in Nairobi', bio: 'Forest yoga at Karura and breathwork in Westlands; pay by M-Pesa.', timeZone: 'Africa/Nairobi' },
  },
  { email: 'alice@wellbook.test', name: 'Alice Brown', role: 'client' },
  { email: 'ben@wellbook.test', name: 'Ben Clarke', role: 'client' },
  { email: 'chloe@wellbook.test', name: 'Chloe Davies', role: 'client' },
  // Nothing seeded beyond the account: to try the questionnaire and a first booking.
  { email: 'dan@wellbook.test', name: 'Dan Evans', role: 'client' },
];

export interface SeedOptions {
  /** The app's QUESTIONNAIRE_KEY, to store the demo clients' questionnaires encrypted; without it they get none. */
  questionnaireKey?: string;
}

/**
 * Inserts the demo data. Idempotent: running it again changes nothing that
 * exists (a demo user's changed password or name is left alone). Class dates
 * are computed from `startedAt`, so the demo schedule always lies ahead; the
 * demo earnings' sessions lie around it (db/seed-earnings.ts); the demo
 * clients' questionnaires and credits come from db/seed-clients.ts.
 */
export async function seedDemoData(
  db: Database,
  startedAt: Date = now(),
  { questionnaireKey = process.env.QUESTIONNAIRE_KEY }: SeedOptions = {},
): Promise<{ created: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await db.transaction(async (tx) => {
    for (const demo of demoUsers) {
      const inserted = await tx
        .insert(users)
        .values({ email: demo.email, name: demo.name, role: demo.role, passwordHash })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      created += inserted.length;
      if (!demo.provider) continue;
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, demo.email));
      if (!user) continue;
      await tx
        .insert(providerProfiles)
        .values({ userId: user.id, ...demo.provider })
        .onConflictDoNothing({ target: providerProfiles.userId });
    }
    for (const [key, value] of Object.entries(settingDefaults)) {
      await tx.insert(settings).values({ key, value: sql`${JSON.stringify(value)}::jsonb` }).onConflictDoNothing({ target: settings.key });
    }
    await seedDemoSchedule(tx, startedAt);
    await seedDemoPackages(tx);
    await seedNairobi(tx, startedAt);
    await seedDemoEarnings(tx, startedAt);
    await seedDemoClients(tx, startedAt, questionnaireKey);
  });
  return { created };
}

/** Seed 000's class passes, in pence; valid for every class for a year. */
export const demoPackages = [
  { name: '5 Class Pass', description: 'Save 20% with 5 classes', classCount: 5, priceAmount: 10_000, currency: 'gbp', validityDays: 365 },
  { name: '10 Class Pass', description: 'Save 30% with 10 classes', classCount: 10, priceAmount: 17_500, currency: 'gbp', validityDays: 365 },
];

/** Adds the demo packages that are missing (by name, any case); one an admin changed or retired is left alone. */
async function seedDemoPackages(tx: Tx): Promise<void> {
  const [fee] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, 'platform_fee_bps'));
  const feeBps = typeof fee?.value === 'number' ? fee.value : settingDefaults.platform_fee_bps;
  for (const pkg of demoPackages) {
    // The only unique key besides the random id is class_packages_name_key, on lower(name).
    await tx.insert(classPackages).values({ ...pkg, feeBps }).onConflictDoNothing();
  }
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) === 0;
}
