import { randomBytes } from 'node:crypto';
import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Tx } from './client';
import { bookings, earningLines, payments, paymentTransactions, providerProfiles, sessionTypes, users } from './schema';
import { deliverEarning, earnFromPayment, reservePayout } from '@/lib/earnings';
import { platformFee } from '@/lib/money';

/**
 * Demo earnings, so that every earnings page has something from the first
 * `npm start`: for each demo provider, paid 1:1 sessions with the demo
 * clients, some delivered weeks ago (available), one still ahead (pending);
 * Tom's oldest already paid out by a manual bank transfer an admin recorded.
 *
 * Bookings, payments and ledger rows are written as a paid booking leaves
 * them (lib/bookings' session booking, lib/payments' succeeded PaymentIntent);
 * every earning goes through lib/earnings' own recorders, in time order, so
 * the lines, the append-only entries and the totals agree as they do in the
 * app. The payments are the seed's own ("pi_demo_…"): Stripe has never seen them.
 * A provider who already has an earning line, or the seed's bookings, is left alone.
 */

interface DemoSession {
  client: string;
  sessionType: string;
  /** Days from the seed date (negative: past); moved off weekends, where the demo week has no hours. */
  days: number;
  /** Local time in the provider's zone. */
  time: string;
}

interface DemoPayout {
  /** Days from the seed date: it takes what was available then. */
  days: number;
  reference: string;
}

const demoEarnings: Record<string, { sessions: DemoSession[]; payout?: DemoPayout }> = {
  // Connected to Stripe by the launcher (scripts/connect-demo-provider.ts): her available earnings can be paid by Transfer.
  'maya@wellbook.test': {
    sessions: [
      { client: 'alice@wellbook.test', sessionType: 'Private yoga', days: -16, time: '10:00' },
      { client: 'ben@wellbook.test', sessionType: 'Private yoga', days: -9, time: '14:00' },
      { client: 'chloe@wellbook.test', sessionType: 'Private yoga', days: 4, time: '11:00' },
      { client: 'ben@wellbook.test', sessionType: 'Private yoga', days: 8, time: '15:00' },
    ],
  },
  // Not connected: paid by hand, once already.
  'tom@wellbook.test': {
    sessions: [
      { client: 'alice@wellbook.test', sessionType: 'PT session', days: -27, time: '09:00' },
      { client: 'ben@wellbook.test', sessionType: 'PT session', days: -20, time: '15:00' },
      { client: 'chloe@wellbook.test', sessionType: 'PT session', days: -5, time: '10:00' },
      { client: 'alice@wellbook.test', sessionType: 'PT session', days: 6, time: '10:00' },
    ],
    payout: { days: -14, reference: 'Bank transfer WB-DEMO-0001' },
  },
  'sam@wellbook.test': {
    sessions: [
      { client: 'ben@wellbook.test', sessionType: 'Listening session (40 min)', days: -3, time: '13:00' },
      { client: 'chloe@wellbook.test', sessionType: 'Listening session (20 min)', days: 2, time: '12:00' },
    ],
  },
};

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The day `days` from `startedAt` in `zone` at local `time`, moved to the nearest weekday away from today. */
function sessionStart(startedAt: Date, days: number, time: string, zone: string): Date {
  const [h, m] = time.split(':').map(Number);
  let day = DateTime.fromJSDate(startedAt, { zone }).startOf('day').plus({ days });
  while (day.weekday > 5) day = day.plus({ days: days < 0 ? -1 : 1 });
  return day.set({ hour: h ?? 0, minute: m ?? 0 }).toJSDate();
}

type Event = { at: Date; run: () => Promise<void> };

async function idsByEmail(tx: Tx, emails: string[]): Promise<Map<string, string>> {
  const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** A paid 1:1 booking, its succeeded payment and its ledger row, as the app leaves them; completed if it is over. */
async function paidSession(
  tx: Tx,
  input: { providerId: string; clientId: string; type: typeof sessionTypes.$inferSelect; startsAt: Date; bookedAt: Date; paidAt: Date; completedAt: Date | null },
): Promise<{ bookingId: string; paymentId: string } | null> {
  const { type, startsAt } = input;
  const endsAt = new Date(startsAt.getTime() + type.durationMinutes * MINUTE_MS);
  const range = `[${startsAt.toISOString()},${new Date(endsAt.getTime() + type.bufferMinutes * MINUTE_MS).toISOString()})`;
  // The provider's time may be taken already (a database seeded long ago, then used): that session is left out.
  const [overlap] = await tx
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.providerId, input.providerId), eq(bookings.kind, 'session'), sql`${bookings.blockedRange} && ${range}::tstzrange`));
  if (overlap?.n) return null;

  const amount = type.priceAmount;
  const feeAmount = platformFee(amount, type.feeBps);
  const suffix = randomBytes(12).toString('hex');
  const paymentId = `pi_demo_${suffix}`;
  const chargeId = `ch_demo_${suffix}`;
  const [booking] = await tx
    .insert(bookings)
    .values({
      kind: 'session',
      clientId: input.clientId,
      providerId: input.providerId,
      sessionTypeId: type.id,
      startsAt,
      endsAt,
      blockedRange: range,
      status: input.completedAt ? 'completed' : 'confirmed',
      paymentStatus: 'paid',
      paymentType: 'single',
      priceAmount: amount,
      amountDue: amount,
      currency: type.currency,
      feeBps: type.feeBps,
      feeAmount,
      paymentRef: paymentId,
      actualStartAt: input.completedAt ? startsAt : null,
      actualEndAt: input.completedAt,
      createdAt: input.bookedAt,
      updatedAt: input.completedAt ?? input.paidAt,
    })
    .returning({ id: bookings.id });
  if (!booking) throw new Error('demo booking was not created');
  await tx.insert(payments).values({
    id: paymentId,
    payableType: 'booking',
    payableId: booking.id,
    userId: input.clientId,
    providerId: input.providerId,
    amount,
    currency: type.currency,
    status: 'succeeded',
    feeBps: type.feeBps,
    feeAmount,
    providerAmount: amount - feeAmount,
    chargeId,
    cardBrand: 'visa',
    cardLast4: '4242',
    succeededAt: input.paidAt,
    createdAt: input.bookedAt,
    updatedAt: input.paidAt,
  });
  await tx.insert(paymentTransactions).values({
    paymentId,
    type: 'single',
    stripeObjectId: chargeId,
    gross: amount,
    fee: feeAmount,
    net: amount - feeAmount,
    currency: type.currency,
    metadata: { payment_intent: paymentId, payable_type: 'booking', payable_id: booking.id },
    createdAt: input.paidAt,
  });
  return { bookingId: booking.id, paymentId };
}

export async function seedDemoEarnings(tx: Tx, startedAt: Date): Promise<void> {
  const emails = [...Object.keys(demoEarnings), ...Object.values(demoEarnings).flatMap((d) => d.sessions.map((s) => s.client)), 'admin@wellbook.test'];
  const ids = await idsByEmail(tx, [...new Set(emails)]);
  const events: Event[] = [];

  for (const [email, plan] of Object.entries(demoEarnings)) {
    const providerId = ids.get(email);
    if (!providerId) continue;
    const [earned] = await tx.select({ n: count() }).from(earningLines).where(eq(earningLines.providerId, providerId));
    const [seeded] = await tx.select({ n: count() }).from(bookings).where(and(eq(bookings.providerId, providerId), like(bookings.paymentRef, 'pi_demo_%')));
    if (earned?.n || seeded?.n) continue;
    const [profile] = await tx.select({ zone: providerProfiles.timeZone }).from(providerProfiles).where(eq(providerProfiles.userId, providerId));
    const types = await tx.select().from(sessionTypes).where(eq(sessionTypes.providerId, providerId));
    for (const session of plan.sessions) {
      const clientId = ids.get(session.client);
      const type = types.find((t) => t.name === session.sessionType && t.active && t.priceAmount > 0);
      if (!clientId || !type) continue;
      const startsAt = sessionStart(startedAt, session.days, session.time, profile?.zone ?? 'Europe/London');
      // Booked and paid three days ahead (or a little before the seed, for one coming soon); completed just after its end.
      const bookedAt = new Date(Math.min(startsAt.getTime() - 3 * DAY_MS, startedAt.getTime() - 2 * 3_600_000));
      const paidAt = new Date(bookedAt.getTime() + 2 * MINUTE_MS);
      const endsAt = new Date(startsAt.getTime() + type.durationMinutes * MINUTE_MS);
      const completedAt = endsAt < startedAt ? new Date(endsAt.getTime() + 5 * MINUTE_MS) : null;
      const made = await paidSession(tx, { providerId, clientId, type, startsAt, bookedAt, paidAt, completedAt });
      if (!made) continue;
      events.push({ at: paidAt, run: () => earnFromPayment(tx, made.bookingId, made.paymentId, paidAt) });
      if (completedAt) events.push({ at: completedAt, run: () => deliverEarning(tx, made.bookingId, completedAt) });
    }
    const payout = plan.payout;
    if (payout) {
      const at = sessionStart(startedAt, payout.days, '16:00', profile?.zone ?? 'Europe/London');
      const currency = types.find((t) => plan.sessions.some((s) => s.sessionType === t.name))?.currency ?? 'gbp';
      events.push({
        at,
        run: async () => {
          // A manual payout is paid when it is recorded.
          await reservePayout(tx, { providerId, currency, method: 'manual', reference: payout.reference, createdBy: ids.get('admin@wellbook.test') ?? null, at });
        },
      });
    }
  }

  // In the order they happened: a payout takes what was available at its time, and nothing delivered later.
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of events) await event.run();
}
