import 'server-only';
import { listEarningLines } from '@/lib/earnings';
import { sumByCurrency, type Money } from '@/lib/money';

const PAGE_SIZE = 100;

/**
 * Net earned from `from` to `to` per currency (lines made in the period,
 * clawbacks negative), the way the weekly chart counts a week.
 */
export async function netBetween(providerId: string, from: Date, to: Date): Promise<Money[]> {
  const nets: Money[] = [];
  for (let page = 1; ; page++) {
    const { lines, total } = await listEarningLines(providerId, { from, to, page, pageSize: PAGE_SIZE });
    nets.push(...lines.map((l) => l.net));
    if (lines.length < PAGE_SIZE || page * PAGE_SIZE >= total) return sumByCurrency(nets);
  }
}
