import type { Money } from '@/lib/money';

/**
 * What a provider is owed (PRODUCT.md's Earnings rule). A line per paid
 * booking: `pending` until the session is delivered, then `available`, then
 * `paid_out` once it is in a payout; `reversed` when refunded in full before
 * delivery. A refund after a payout is a negative `clawback` line, available,
 * carried into the next payout.
 */
export type EarningState = 'pending' | 'available' | 'paid_out' | 'reversed';
export const EARNING_STATES: readonly EarningState[] = ['pending', 'available', 'paid_out', 'reversed'];
export type EarningKind = 'earning' | 'clawback';
export type PayoutMethod = 'stripe' | 'manual';
export type PayoutStatus = 'pending' | 'paid' | 'failed';

export interface CurrencyTotals {
  currency: string;
  pending: Money;
  available: Money;
  paid_out: Money;
  /** pending + available + paid_out: the sum of every line. */
  total: Money;
}

/** GET /api/v1/earnings: the totals in the provider's main currency; `by_currency` when there are several. */
export interface EarningsTotalsDto {
  provider_id: string;
  pending: Money;
  available: Money;
  paid_out: Money;
  total: Money;
  by_currency?: CurrencyTotals[];
}

export interface EarningLineDto {
  id: string;
  provider_id: string;
  kind: EarningKind;
  booking_id: string | null;
  payment_id: string | null;
  /** How the client paid: 'card' (Stripe) or 'mpesa'; null for a line paid with a credit. */
  payment_provider: 'card' | 'mpesa' | null;
  credit_id: string | null;
  /** A booking paid with a complimentary credit: it earns 0, and says so. */
  complimentary: boolean;
  state: EarningState;
  gross: Money;
  fee: Money;
  net: Money;
  /** What the line is for: the class or session type, or "Refund after payout". */
  description: string;
  client_name: string | null;
  session_starts_at: string | null;
  /** For a clawback: the line whose refund it carries. */
  clawback_of: string | null;
  created_at: string;
  delivered_at: string | null;
  payout_id: string | null;
}

export interface EarningLinesPage {
  lines: EarningLineDto[];
  total: number;
  page: number;
  page_size: number;
}

export interface WeeklyNet {
  /** Monday of the week, YYYY-MM-DD in the platform's zone. */
  week_start: string;
  /** Net earned (lines created) that week, minor units. */
  net: number;
  currency: string;
}

export interface PayoutDto {
  id: string;
  provider_id: string;
  provider_name: string;
  method: PayoutMethod;
  status: PayoutStatus;
  amount: Money;
  reference: string | null;
  stripe_transfer_id: string | null;
  failure_reason: string | null;
  line_count: number;
  created_by: string | null;
  created_at: string;
  paid_at: string | null;
}

/** GET /api/v1/payouts/:id: the statement: every line and clawback, and totals that add up to the amount. */
export interface PayoutStatementDto extends PayoutDto {
  lines: EarningLineDto[];
  totals: { gross: Money; fee: Money; net: Money; clawbacks: Money };
}

export interface PayoutsPage {
  payouts: PayoutDto[];
  total: number;
  page: number;
  page_size: number;
}

/** /admin/payouts: each provider with something available or a Connect account. */
export interface PayoutCandidate {
  provider_id: string;
  provider_name: string;
  email: string;
  /** Per currency; only currencies with a positive total can be paid. */
  available: Money[];
  connect_account_id: string | null;
  payouts_enabled: boolean;
}

/** GET /api/v1/connect */
export interface ConnectStatusDto {
  account_id: string | null;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  requirements_due: string[];
}
