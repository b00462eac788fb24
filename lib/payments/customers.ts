import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { stripeCustomers } from '@/db/schema';
import type { PublicUser } from '@/lib/users';
import { getStripe } from './stripe-client';

/**
 * The user's one Stripe customer, created on first payment. Two concurrent
 * first payments share Stripe's idempotency key (so Stripe makes one customer)
 * and the insert's conflict rule (so we store one row).
 */
export async function ensureStripeCustomer(user: Pick<PublicUser, 'id' | 'email' | 'name'>): Promise<string> {
  const existing = await findCustomer(user.id);
  if (existing) return existing;
  const customer = await getStripe().customers.create(
    { email: user.email, name: user.name, metadata: { user_id: user.id } },
    { idempotencyKey: `customer-${user.id}` },
  );
  await getDb().insert(stripeCustomers).values({ userId: user.id, stripeCustomerId: customer.id }).onConflictDoNothing();
  const stored = await findCustomer(user.id);
  if (!stored) throw new Error(`stripe customer row missing for user ${user.id}`);
  return stored;
}

async function findCustomer(userId: string): Promise<string | undefined> {
  const [row] = await getDb()
    .select({ id: stripeCustomers.stripeCustomerId })
    .from(stripeCustomers)
    .where(eq(stripeCustomers.userId, userId))
    .limit(1);
  return row?.id;
}
