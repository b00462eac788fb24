import { z } from 'zod';
import { transactionsExportQuery } from '@/lib/reports';
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
  ],
});
