import { z } from 'zod';
import { earningLinesExportQuery, transactionsExportQuery } from '@/lib/reports';
import { apiModule } from '../registry';

export const reportsApi = apiModule({
  tags: [{ name: 'Reports', description: 'Exports for admins.' }],
  operations: [
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
