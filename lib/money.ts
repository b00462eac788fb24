/**
 * Money is integer minor units plus a lower-case ISO 4217 currency, everywhere.
 * This is the one place that knows how many minor units a currency has, turns
 * typed amounts into minor units and formats them for people.
 */
export interface Money {
  amount: number;
  currency: string;
}

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}

/** Amounts added up per currency, in the order each currency first appears. */
export function sumByCurrency(amounts: Iterable<Money>): Money[] {
  const totals = new Map<string, number>();
  for (const m of amounts) totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.amount);
  return [...totals].map(([currency, amount]) => ({ amount, currency }));
}

const exponents = new Map<string, number>();

/** Digits after the decimal point of a currency's major unit (ISO 4217): 2 for GBP, USD, EUR and KES, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exponent = 2;
    }
    exponents.set(code, exponent);
  }
  return exponent;
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

/**
 * A typed amount in a currency's major unit to minor units: "12.5" GBP -> 1250,
 * "1,250" is refused, "500" JPY -> 500, "12.5" JPY is refused. Parsed as text,
 * never through a float, so no rounding creeps in. Null when it is not a plain
 * non-negative amount in that currency.
 */
export function parseMoneyInput(raw: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,12})(?:[.,](\d*))?$/.exec(raw.trim().replace(/^[£$€¥]|^(KSh|KES)\s*/i, ''));
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) return null;
  const amount = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  return Number.isSafeInteger(amount) ? amount : null;
}

/** Minor units as a plain decimal for a form field or a CSV: (-1505, 'gbp') -> "-15.05", (500, 'jpy') -> "500". Integer arithmetic only. */
export function minorToDecimal(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amount).toString();
  const sign = amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat | null {
  const code = currency.toUpperCase();
  let f = formatters.get(code);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-GB', { style: 'currency', currency: code });
    } catch {
      return null;
    }
    formatters.set(code, f);
  }
  return f;
}

/** "£55.00", "¥500", "KES 1,500.00" for pages; the API always sends minor units. Zero is "Free" unless `zero: 'amount'`. */
export function formatMoney(price: Money, options: { zero?: 'free' | 'amount' } = {}): string {
  if (price.amount === 0 && options.zero !== 'amount') return 'Free';
  const f = formatter(price.currency);
  if (!f) return `${minorToDecimal(price.amount, price.currency)} ${price.currency.toUpperCase()}`;
  return f.format(price.amount / 10 ** currencyExponent(price.currency));
}

/** Basis points as a percentage for people: 1500 -> "15%", 1250 -> "12.5%", 1234 -> "12.34%". */
export function formatBps(bps: number): string {
  return `${(bps / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;
}

/** A percentage typed in a form ("15", "12.5") to basis points; null when it is not 0 to 100 with at most two decimals. */
export function parsePercentInput(raw: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{0,2}))?%?$/.exec(raw.trim());
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
  return bps <= 10_000 ? bps : null;
}

/** The most M-Pesa takes in one STK Push (Daraja): KES 250,000. The payments module's M-Pesa limit is this one. */
export const KES_MAX_SHILLINGS = 250_000;
const KES_MAX_MINOR = KES_MAX_SHILLINGS * 100;

/**
 * Why a price cannot be set in its currency, or null. Kenyan shillings are
 * paid by M-Pesa only, which takes whole shillings from KES 1 to 250,000, so
 * a KES price with cents or above that could never be paid.
 */
export function priceProblem(amount: number, currency: string): string | null {
  if (currency.toLowerCase() !== 'kes' || amount === 0) return null;
  if (amount % 100 !== 0) return 'Prices in KES are paid by M-Pesa, which takes whole shillings only: leave out the cents.';
  if (amount > KES_MAX_MINOR) return 'Prices in KES are paid by M-Pesa, which takes at most KES 250,000.';
  return null;
}
