/** Money is integer minor units plus a lower-case ISO currency, everywhere. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * The platform's cut: amount x bps / 10000, rounded half up (PRODUCT.md).
 * Integer arithmetic only; amounts and bps are non-negative integers.
 */
export function platformFee(amount: number, bps: number): number {
  if (!Number.isInteger(amount) || !Number.isInteger(bps) || amount < 0 || bps < 0 || bps > 10_000) {
    throw new RangeError(`platformFee needs non-negative integers (amount ${amount}, bps ${bps})`);
  }
  return Math.floor((amount * bps + 5_000) / 10_000);
}

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}

/** "£55.00", "$30.00" or "Free": for pages; the API always sends minor units. */
export function formatMoney(price: Money): string {
  if (price.amount === 0) return 'Free';
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: price.currency.toUpperCase() }).format(price.amount / 100);
  } catch {
    return `${(price.amount / 100).toFixed(2)} ${price.currency.toUpperCase()}`;
  }
}
