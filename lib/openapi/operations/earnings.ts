import { z } from 'zod';
import { createPayoutsBody, earningLinesQuery, earningsQuery, payoutsQuery } from '@/lib/earnings';
import { apiModule } from '../registry';
import { earningLinesPage, earningsSchemas, earningsTotals, payout, payoutsPage, payoutStatement } from '../responses/earnings';

const providers = ['provider', 'admin'] as const;
const whose = 'Admins: required, whose earnings; providers: omit it (they see their own).';
const lineFilters = {
  provider_id: whose,
  state: 'Only lines in this state.',
  from: 'Lines created at or after this instant (or date).',
  to: 'Lines created before this instant (or date).',
};

export const earningsApi = apiModule({
  tags: [
    {
      name: 'Earnings',
      description:
        'What providers are owed: a line per paid booking, pending until the session is delivered, then available, then paid out. ' +
        'Totals always equal the sum of append-only entries. Amounts are integer minor units.',
    },
    { name: 'Payouts', description: 'All of one provider\'s available lines in one currency, paid by a Stripe Transfer or recorded by an admin.' },
  ],
  schemas: earningsSchemas,
  operations: [
    {
      method: 'get',
      path: '/api/v1/earnings',
      operationId: 'getEarnings',
      summary: 'Earnings totals',
      description: 'Pending, available and paid out, and their total, in the provider\'s main currency (`by_currency` when there are several).',
      access: providers,
      query: earningsQuery,
      fields: { provider_id: whose },
      response: { status: 200, description: 'The totals (zero for a provider with nothing earned).', schema: earningsTotals },
    },
    {
      method: 'get',
      path: '/api/v1/earnings/lines',
      operationId: 'listEarningLines',
      summary: 'Earning lines',
      description: 'One page of a provider\'s lines and clawbacks, newest first.',
      access: providers,
      query: earningLinesQuery,
      fields: lineFilters,
      response: { status: 200, description: 'One page of lines.', schema: earningLinesPage },
    },
    {
      method: 'get',
      path: '/api/v1/payouts',
      operationId: 'listPayouts',
      summary: 'Payouts',
      description: 'A provider\'s own payouts, or (admins) everyone\'s or one provider\'s; newest first.',
      tags: ['Payouts'],
      access: providers,
      query: payoutsQuery,
      fields: { provider_id: 'Admins: only this provider\'s.' },
      response: { status: 200, description: 'One page of payouts.', schema: payoutsPage },
    },
    {
      method: 'get',
      path: '/api/v1/payouts/{id}',
      operationId: 'getPayout',
      summary: 'A payout statement',
      description: 'The payout with every line and clawback in it, and totals that add up to its amount. For its provider and admins; a 404 for anyone else.',
      tags: ['Payouts'],
      access: providers,
      params: { id: 'The payout id.' },
      response: { status: 200, description: 'The statement.', schema: payoutStatement },
    },
    {
      method: 'post',
      path: '/api/v1/payouts',
      operationId: 'createPayouts',
      summary: 'Pay out available earnings',
      description:
        'For one provider (`provider_id`) or every provider with something available: all their available lines, one payout per currency. ' +
        '`stripe` makes a Transfer to the provider\'s connected account (payouts must be enabled on it); `manual` records a payment made by hand, with its reference. ' +
        'A total of zero or less (clawbacks) makes no payout; it waits for the next. With `stripe` for everyone, providers who cannot be paid by Stripe are skipped; ' +
        'for one named provider, that is a 409 `payouts_not_enabled`. 201 with the payouts made; 200 with an empty list when nothing was available.',
      tags: ['Payouts'],
      access: ['admin'],
      body: createPayoutsBody,
      fields: {
        provider_id: 'Omit it to pay every provider with something available.',
        method: '"stripe" or "manual".',
        reference: 'Required for "manual": the bank transfer reference.',
      },
      response: { status: 201, description: 'The payouts made: one per provider and currency (200 and none when nothing was available).', schema: z.object({ payouts: z.array(payout) }) },
      errors: ['not_found', 'payouts_not_enabled'],
    },
  ],
});
