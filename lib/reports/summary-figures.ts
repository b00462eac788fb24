/**
 * The figures of the analytics summary (issue 14), one definition each: what the
 * API returns, what the OpenAPI document says and what /admin/analytics shows.
 * Every figure belongs to one currency; amounts are integer minor units of it.
 */

/** Counts and sums that are added up across days and providers. */
export interface SummaryCounts {
  gross: number;
  refunds: number;
  platform_fees: number;
  provider_share: number;
  payments_succeeded: number;
  payments_failed: number;
  bookings_confirmed: number;
  bookings_cancelled: number;
  bookings_completed: number;
  bookings_no_show: number;
  class_seats: number;
  class_capacity: number;
  credits_sold: number;
  credits_used: number;
  credits_expired: number;
  new_clients: number;
}

/** One entry of the answer: a currency's figures over a span. Rates are fractions (0.25 = 25 %), 4 decimals, null when nothing to divide by. */
export interface SummaryFigures {
  currency: string;
  gross: number;
  refunds: number;
  net: number;
  platform_fees: number;
  provider_share: number;
  payments_succeeded: number;
  payments_failed: number;
  success_rate: number | null;
  refund_rate: number | null;
  bookings_confirmed: number;
  bookings_cancelled: number;
  no_show_rate: number | null;
  fill_rate: number | null;
  credits_sold: number;
  credits_used: number;
  credits_expired: number;
  new_clients: number;
}

export type SummaryFigure = Exclude<keyof SummaryFigures, 'currency'>;

/** The basis of every figure, shown above the page and in the OpenAPI description. */
export const SUMMARY_BASIS =
  'Cash basis, from the payments ledger: money counts on the day it moved, and a refund counts on the day it was made, not on the day of the payment it refunds. ' +
  'Days are days of the platform’s time zone (the platform_time_zone setting). Each currency is reported on its own, never converted or mixed. ' +
  'Bookings count on the day they start, as they stand now. Rates are fractions with 4 decimals, null when there is nothing to divide by.';

export const SUMMARY_DEFINITIONS: Record<SummaryFigure, string> = {
  gross: 'Charged: the sum of card charges and package purchases made in the span (ledger rows of type single and purchase), before refunds.',
  refunds: 'Refunded: the sum of refunds made in the span, whatever day the refunded payment was (a refund that later failed is added back).',
  net: 'gross − refunds.',
  platform_fees: 'The platform’s fees on the charges of the span, less the part of the fee given back with the refunds of the span (net of refunds).',
  provider_share: 'What the charges of the span owe practitioners (charge − fee), less the share taken back by the refunds of the span (net of refunds): net − platform_fees.',
  payments_succeeded: 'Card payments that succeeded in the span (one per charge in the ledger).',
  payments_failed: 'Card payments started in the span whose last attempt failed (declined, and not paid since).',
  success_rate: 'payments_succeeded / (payments_succeeded + payments_failed).',
  refund_rate: 'refunds / gross: the share of the money charged in the span that refunds of the span gave back.',
  bookings_confirmed: 'Bookings starting in the span that went ahead or will: confirmed, in progress, completed or marked no-show.',
  bookings_cancelled: 'Bookings starting in the span that were cancelled.',
  no_show_rate: 'Of the bookings starting in the span that were delivered (completed or no-show), the share marked no-show.',
  fill_rate: 'Class seats booked (bookings that went ahead or will) / the capacity of the classes starting in the span that were not cancelled.',
  credits_sold: 'Class uses granted by package purchases made in the span.',
  credits_used: 'Credit uses taken by bookings in the span, less those given back by cancellations in the span.',
  credits_expired: 'Unused credit uses written off at expiry in the span.',
  new_clients: 'Clients whose first payment in this currency on the platform was in the span (for a provider: whose first payment was with them).',
};

export function emptyCounts(): SummaryCounts {
  return {
    gross: 0,
    refunds: 0,
    platform_fees: 0,
    provider_share: 0,
    payments_succeeded: 0,
    payments_failed: 0,
    bookings_confirmed: 0,
    bookings_cancelled: 0,
    bookings_completed: 0,
    bookings_no_show: 0,
    class_seats: 0,
    class_capacity: 0,
    credits_sold: 0,
    credits_used: 0,
    credits_expired: 0,
    new_clients: 0,
  };
}

export function addCounts(into: SummaryCounts, more: Partial<SummaryCounts>): SummaryCounts {
  for (const key of Object.keys(more) as (keyof SummaryCounts)[]) into[key] += Number(more[key] ?? 0);
  return into;
}

/** part / whole to 4 decimals, or null when the whole is 0. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** The answer's figures from the counts they derive from. */
export function figuresOf(currency: string, c: SummaryCounts): SummaryFigures {
  return {
    currency,
    gross: c.gross,
    refunds: c.refunds,
    net: c.gross - c.refunds,
    platform_fees: c.platform_fees,
    provider_share: c.provider_share,
    payments_succeeded: c.payments_succeeded,
    payments_failed: c.payments_failed,
    success_rate: rate(c.payments_succeeded, c.payments_succeeded + c.payments_failed),
    refund_rate: rate(c.refunds, c.gross),
    bookings_confirmed: c.bookings_confirmed,
    bookings_cancelled: c.bookings_cancelled,
    no_show_rate: rate(c.bookings_no_show, c.bookings_completed + c.bookings_no_show),
    fill_rate: rate(c.class_seats, c.class_capacity),
    credits_sold: c.credits_sold,
    credits_used: c.credits_used,
    credits_expired: c.credits_expired,
    new_clients: c.new_clients,
  };
}
