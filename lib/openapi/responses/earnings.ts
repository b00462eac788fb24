import { z } from 'zod';
import { earningKind, earningState, payoutMethod, payoutStatus } from '@/db/schema';
import type {
  ConnectStatusDto,
  CurrencyTotals,
  EarningLineDto,
  EarningLinesPage,
  EarningsTotalsDto,
  PayoutDto,
  PayoutsPage,
  PayoutStatementDto,
} from '@/lib/earnings';
import { describes } from '../registry';
import { id, instant, money, pageFields } from './common';

/** The three states a provider's money moves through, and their sum (PRODUCT.md's Earnings rule). */
const stateTotals = {
  pending: money.describe('Net of lines whose session is not yet delivered.'),
  available: money.describe('Net of delivered lines not yet in a payout, clawbacks deducted.'),
  paid_out: money.describe('Net of lines in a payout.'),
  total: money.describe('pending + available + paid_out: the sum of every line.'),
};

export const currencyTotals = describes<CurrencyTotals>()(z.object({ currency: z.string(), ...stateTotals }));

export const earningsTotals = describes<EarningsTotalsDto>()(
  z
    .object({
      provider_id: id,
      ...stateTotals,
      by_currency: z.array(currencyTotals).optional().describe('Present when the provider earns in several currencies; the top-level totals are the main one\'s.'),
    })
    .describe('A provider\'s earnings, always equal to the sum of their append-only entries.'),
);

export const earningLine = describes<EarningLineDto>()(
  z
    .object({
      id,
      provider_id: id,
      kind: z.enum(earningKind.enumValues).describe('"earning" for a paid booking; "clawback" for a refund made after its line was paid out (negative).'),
      booking_id: id.nullable(),
      payment_id: z.string().nullable().describe('The payment\'s id: a PaymentIntent (pi_…) for a card, mp_… for M-Pesa.'),
      payment_provider: z.enum(['card', 'mpesa']).nullable().describe('How the client paid: "card" (Stripe) or "mpesa"; null for a line paid with a credit.'),
      credit_id: id.nullable().describe('The credit that paid, for a booking paid with a credit.'),
      complimentary: z.boolean().describe('Paid with a complimentary credit: it earns 0.'),
      state: z.enum(earningState.enumValues).describe('pending until delivered, then available, then paid_out; reversed when refunded in full before delivery.'),
      gross: money.describe('What the client paid, less refunds.'),
      fee: money.describe('The platform fee, as stored on the payment, less its share of refunds.'),
      net: money.describe('gross - fee: what the provider earns.'),
      description: z.string().describe('The class or session type, or "Refund after payout".'),
      client_name: z.string().nullable(),
      session_starts_at: instant.nullable(),
      clawback_of: id.nullable().describe('For a clawback: the line whose refund it carries.'),
      created_at: instant,
      delivered_at: instant.nullable().describe('When the session was completed, marked no-show or cancelled late.'),
      payout_id: id.nullable(),
    })
    .describe('One line of a provider\'s earnings.'),
);

export const earningLinesPage = describes<EarningLinesPage>()(z.object({ lines: z.array(earningLine), ...pageFields }));

export const payout = describes<PayoutDto>()(
  z
    .object({
      id,
      provider_id: id,
      provider_name: z.string(),
      method: z.enum(payoutMethod.enumValues).describe('"stripe": a Transfer to the provider\'s connected account; "manual": recorded by an admin.'),
      status: z.enum(payoutStatus.enumValues),
      amount: money,
      reference: z.string().nullable().describe('A manual payout\'s bank transfer reference.'),
      stripe_transfer_id: z.string().nullable(),
      failure_reason: z.string().nullable(),
      line_count: z.int(),
      created_by: id.nullable().describe('The admin who made it.'),
      created_at: instant,
      paid_at: instant.nullable(),
    })
    .describe('All of one provider\'s available lines in one currency, paid at once.'),
);

export const payoutStatement = describes<PayoutStatementDto>()(
  z.object({
    ...payout.shape,
    lines: z.array(earningLine).describe('Every line and clawback in the payout.'),
    totals: z.object({ gross: money, fee: money, net: money, clawbacks: money }).describe('They add up to the amount.'),
  }),
);

export const payoutsPage = describes<PayoutsPage>()(z.object({ payouts: z.array(payout), ...pageFields }));

export const connectStatus = describes<ConnectStatusDto>()(
  z
    .object({
      account_id: z.string().nullable().describe('The connected (express) account ("acct_…"); null before onboarding starts.'),
      charges_enabled: z.boolean(),
      payouts_enabled: z.boolean().describe('Stripe payouts can be made to it.'),
      details_submitted: z.boolean(),
      requirements_due: z.array(z.string()).describe('What Stripe still needs before payouts are enabled.'),
    })
    .describe('The provider\'s Stripe Connect account, as Stripe last told us.'),
);

/** A Stripe-hosted page to send the provider to. */
export const stripeLink = z.object({ url: z.string().describe('A single-use Stripe link; open it at once.') });

export const earningsSchemas = {
  EarningsTotals: earningsTotals,
  CurrencyTotals: currencyTotals,
  EarningLine: earningLine,
  EarningLinesPage: earningLinesPage,
  Payout: payout,
  PayoutStatement: payoutStatement,
  PayoutsPage: payoutsPage,
};

export const connectSchemas = { ConnectStatus: connectStatus, StripeLink: stripeLink };
