/** How many minor units a currency has after the decimal point (2 for GBP, 0 for JPY). */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * "12.5" in GBP -> 1250. Parsed as text, never through a float, so no
 * rounding creeps in; null when it is not a plain amount in that currency.
 */
export function parseMajorAmount(raw: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,9})(?:[.,](\d*))?$/.exec(raw.trim().replace(/^[£$€]/, ''));
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) return null;
  return Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}
