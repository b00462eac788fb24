import { z } from 'zod';
import {
  earningLinesExportQuery,
  SUMMARY_BASIS,
  SUMMARY_DEFINITIONS,
  summaryIntervals,
  summaryQuery,
  transactionsExportQuery,
  type Summary,
  type SummaryFigure,
} from '@/lib/reports';
import { apiModule, describes } from '../registry';

const count = (figure: SummaryFigure) => z.number().int().describe(SUMMARY_DEFINITIONS[figure]);
const amount = (figure: SummaryFigure) => z.number().int().describe(`${SUMMARY_DEFINITIONS[figure]} Integer minor units of the entry's currency.`);
const ratio = (figure: SummaryFigure) => z.number().nullable().describe(`${SUMMARY_DEFINITIONS[figure]} A fraction with 4 decimals; null when there is nothing to divide by.`);
const figures = z.object({
  currency: z.string().describe('ISO code, lower case: every figure of the entry is in this currency only.'),
  gross: amount('gross'),
  refunds: amount('refunds'),
  net: amount('net'),
  platform_fees: amount('platform_fees'),
  provider_share: amount('provider_share'),
  payments_succeeded: count('payments_succeeded'),
  payments_failed: count('payments_failed'),
  success_rate: ratio('success_rate'),
  refund_rate: ratio('refund_rate'),
  bookings_confirmed: count('bookings_confirmed'),
  bookings_cancelled: count('bookings_cancelled'),
  no_show_rate: ratio('no_show_rate'),
  fill_rate: ratio('fill_rate'),
  credits_sold: count('credits_sold'),
  credits_used: count('credits_used'),
  credits_expired: count('credits_expired'),
  new_clients: count('new_clients'),
});
const summary = describes<Summary>()(
  z.object({
    from: z.string().describe('First day, included.'),
    to: z.string().describe('The day after the last, excluded.'),
    interval: z.enum(summaryIntervals),
    zone: z.string().describe('The platform’s time zone the days are days of.'),
    totals: z.array(figures).describe('One entry per currency over the whole range.'),
    series: z.array(figures.extend({ start: z.string().describe('The interval’s first day (weeks start on Monday, months on the 1st; the first interval starts at `from`).') })).describe('One entry per interval and currency, oldest first, empty intervals as zeros.'),
    by_provider: z
      .array(figures.extend({ provider_id: z.string().nullable().describe('Null: money no provider is paid through (class packages) and package credits.'), name: z.string() }))
      .describe('One entry per provider and currency over the whole range.'),
    by_payment_provider: z
      .array(
        figures
          .pick({ currency: true, gross: true, refunds: true, net: true, platform_fees: true, provider_share: true, payments_succeeded: true })
          .extend({ payment_provider: z.enum(['card', 'mpesa']).describe('How the clients paid: card (Stripe) or mpesa (M-Pesa STK Push).') }),
      )
      .describe('The money of the whole range by payment provider and currency, from the same ledger rows as the totals.'),
  }),
);

export const reportsApi = apiModule({
  tags: [{ name: 'Reports', description: 'Analytics and exports for admins.' }],
  schemas: { ReportSummary: summary },
  operations: [
    {
      method: 'get',
      path: '/api/v1/reports/summary',
      operationId: 'getReportSummary',
      summary: 'Analytics: money, payments, bookings, credits and clients per currency',
      description: `${SUMMARY_BASIS} The same figures over the whole range (totals), per interval (series), per provider (by_provider) and per payment provider (by_payment_provider, money only). At most three years at a time.`,
      access: ['admin'],
      query: summaryQuery,
      fields: {
        from: 'First day (YYYY-MM-DD) of the platform’s zone, included.',
        to: 'The day after the last one (YYYY-MM-DD), excluded; after `from`, at most three years later.',
        interval: 'How the series is cut: day (default), week (from Monday) or month.',
        provider_id: 'Only this provider’s payments, bookings, classes and credit uses.',
        currency: 'Only this currency.',
      },
      response: { status: 200, description: 'The summary.', schema: summary },
    },
    {
      method: 'get',
      path: '/api/v1/reports/transactions.csv',
      operationId: 'exportTransactions',
      summary: 'Export the transaction ledger as CSV',
      description:
        'Every ledger row (charges, package purchases, refunds) created in [from, to), oldest first, with its payment, client and provider: one CSV row each, streamed. ' +
        'Money columns are integer minor units, with a decimal column beside them. At most three years at a time.',
      access: ['admin'],
      query: transactionsExportQuery,
      fields: { from: 'From this instant, included; default three years before `to`.', to: 'Up to this instant, excluded; default now.' },
      response: { status: 200, description: 'The CSV file, as an attachment.', schema: z.string().describe('RFC 4180 CSV with a header row.'), mediaType: 'text/csv' },
    },
    {
      method: 'get',
      path: '/api/v1/earnings/lines.csv',
      operationId: 'exportEarningLines',
      summary: 'Export earning lines as CSV',
      description:
        'A provider’s earning lines and clawbacks matching the filters of GET /api/v1/earnings/lines, newest first, one CSV row each, streamed: ' +
        'id, booking_id, payment_id, credit_id, kind, state, currency, gross, fee, net (decimals in the currency’s major unit, clawbacks negative), created_at, delivered_at, payout_id. ' +
        'A provider exports their own lines; an admin names the provider with provider_id.',
      access: ['admin', 'provider'],
      query: earningLinesExportQuery,
      fields: {
        provider_id: 'Admins: whose lines (required). A provider always gets their own.',
        state: 'Only lines in this state.',
        from: 'Lines created from this instant, included.',
        to: 'Lines created before this instant.',
      },
      response: { status: 200, description: 'The CSV file, as an attachment.', schema: z.string().describe('RFC 4180 CSV with a header row.'), mediaType: 'text/csv' },
    },
  ],
});
