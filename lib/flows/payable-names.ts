import 'server-only';
import { bookingNames } from '@/lib/bookings';
import { purchaseNames } from '@/lib/packages';

/** What a payment paid for, in words: a booking by its title and start, a package purchase by the package's name. */
export interface PayableName {
  title: string;
  /** The booked session's start; null for a pass. */
  starts_at: string | null;
}

const payableKey = (p: { type: string; id: string }) => `${p.type}:${p.id}`;

/**
 * What each of these payments paid for, by payment id (payments know only a
 * payable's type and id; this is where they meet bookings and packages).
 */
export async function paymentNames(list: readonly { id: string; payable: { type: string; id: string } }[]): Promise<Record<string, PayableName>> {
  const named = await payableNames(list.map((p) => p.payable));
  return Object.fromEntries(
    list.flatMap((p) => {
      const name = named.get(payableKey(p.payable));
      return name ? [[p.id, name]] : [];
    }),
  );
}

async function payableNames(payables: readonly { type: string; id: string }[]): Promise<Map<string, PayableName>> {
  const ids = (type: string) => [...new Set(payables.filter((p) => p.type === type).map((p) => p.id))];
  const [booked, bought] = await Promise.all([bookingNames(ids('booking')), purchaseNames(ids('package'))]);
  const names = new Map<string, PayableName>();
  for (const [id, b] of booked) names.set(payableKey({ type: 'booking', id }), b);
  for (const [id, name] of bought) names.set(payableKey({ type: 'package', id }), { title: name, starts_at: null });
  return names;
}
