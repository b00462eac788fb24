import { z } from 'zod';
import type { ConnectStatusDto, CurrencyTotals, EarningLineDto, EarningsTotalsDto, PayoutDto, PayoutStatementDto } from '@/lib/earnings';
import { describes } from '../registry';
import { id, instant, money, pageFields } from './common';

const currencyTotals = describes<CurrencyTotals>()(
  z.object({ currency: z.string(), pending: money, available: money, paid_out: money, total: money.describe('pending + available + paid_out.') }),
);

export const earningsTotals = describes<EarningsTotalsDto>()(
  z.object({
    provider_id: id,
    pending: money.describe('Paid for sessions not yet delivered.'),
    available: money.describe('Delivered, waiting for a payout; clawbacks are taken off.'),
    paid_out: money,
    total: money,
    by_currency: z.array(currencyTotals).optional().describe('Every currency, when the provider earns in several; the top-level totals are the main one.'),
  }),
);

export const earningLine = describes<EarningLineDto>()(
  z.object({
    id,
    provider_id: id,
    kind: z.enum(['earning', 'clawback']).describe('A clawback is a refund after a payout: negative, carried into the next payout.'),
    booking_id: id.nullable(),
    payment_id: z.string().nullable().describe('The Stripe PaymentIntent, when paid by card.'),
    credit_id: id.nullable().describe('The credit, when paid with one.'),
    complimentary: z.boolean().describe('Paid with a complimentary credit: earns 0.'),
    state: z.enum(['pending', 'available', 'paid_out', 'reversed']),
    gross: money,
    fee: money.describe('The platform fee.'),
    net: money.describe('gross - fee: what the provider is owed.'),
    description: z.string(),
    client_name: z.string().nullable(),
    session_starts_at: instant.nullable(),
    clawback_of: id.nullable().describe('For a clawback: the line whose refund it carries.'),
    created_at: instant,
    delivered_at: instant.nullable(),
    payout_id: id.nullable(),
  }),
);

export const earningLinesPage = z.object({ lines: z.array(earningLine), ...pageFields });

export const payout = describes<PayoutDto>()(
  z.object({
    id,
    provider_id: id,
    provider_name: z.string(),
    method: z.enum(['stripe', 'manual']),
    status: z.enum(['pending', 'paid', 'failed']),
    amount: money.describe('Net of its lines less clawbacks; never negative.'),
    reference: z.string().nullable().describe('A manual payout\'s bank transfer reference.'),
    stripe_transfer_id: z.string().nullable(),
    failure_reason: z.string().nullable(),
    line_count: z.int(),
    created_by: id.nullable().describe('The admin who ran it; null for the schedule.'),
    created_at: instant,
    paid_at: instant.nullable(),
  }),
);

export const payoutsPage = z.object({ payouts: z.array(payout), ...pageFields });

export const payoutStatement = describes<PayoutStatementDto>()(
  payout.extend({
    lines: z.array(earningLine).describe('Every line and clawback in the payout, oldest first.'),
    totals: z.object({ gross: money, fee: money, net: money, clawbacks: money.describe('Negative or zero: net + clawbacks = amount.') }),
  }),
);

export const connectStatus = describes<ConnectStatusDto>()(
  z.object({
    account_id: z.string().nullable().describe('The connected (express) account, "acct_…"; null before onboarding starts.'),
    charges_enabled: z.boolean(),
    payouts_enabled: z.boolean().describe('Stripe can pay the provider: transfers may be sent.'),
    details_submitted: z.boolean(),
    requirements_due: z.array(z.string()).describe('What Stripe still needs, by its requirement names.'),
  }),
);

export const earningsSchemas = { EarningLine: earningLine, Payout: payout, ConnectStatus: connectStatus };
