import { z } from 'zod';
import { createPayoutsBody, earningLinesQuery, earningsQuery, payoutsQuery } from '@/lib/earnings';
import { apiModule } from '../registry';
import { connectStatus, earningLinesPage, earningsSchemas, earningsTotals, payout, payoutsPage, payoutStatement } from '../responses/earnings';

const PAYOUTS = 'Payouts';
const CONNECT = 'Connect';
const providerId = { provider_id: 'Admins: whose earnings (required). A provider always gets their own.' };
const stripeLink = z.object({ url: z.string().describe('A single-use Stripe link: send the provider to it.') });

export const earningsApi = apiModule({
  tags: [
    { name: 'Earnings', description: 'What providers are owed after the platform fee: pending until the session is delivered, then available, then paid out. Amounts are integer minor units.' },
    { name: PAYOUTS, description: 'Payouts of available earnings, by Stripe transfer to the provider\'s connected account or recorded by hand, with their statements.' },
    { name: CONNECT, description: 'The provider\'s Stripe Connect (express) account, which payouts go to.' },
  ],
  schemas: earningsSchemas,
  operations: [
    {
      method: 'get',
      path: '/api/v1/earnings',
      operationId: 'getEarnings',
      summary: 'Earnings totals',
      description: 'Pending, available, paid out and total: sums of the append-only entries, in the provider\'s main currency (`by_currency` when there are several).',
      access: ['admin', 'provider'],
      query: earningsQuery,
      fields: providerId,
      response: { status: 200, description: 'The totals.', schema: earningsTotals },
    },
    {
      method: 'get',
      path: '/api/v1/earnings/lines',
      operationId: 'listEarningLines',
      summary: 'Earning lines',
      description: 'A line per paid booking, and a negative clawback line per refund after a payout; newest first.',
      access: ['admin', 'provider'],
      query: earningLinesQuery,
      fields: { ...providerId, state: 'Only lines in this state.', from: 'Created at or after this date or instant.', to: 'Created before this date or instant.' },
      response: { status: 200, description: 'One page of lines.', schema: earningLinesPage },
    },
    {
      method: 'get',
      path: '/api/v1/payouts',
      operationId: 'listPayouts',
      summary: 'Payouts',
      tags: [PAYOUTS],
      description: 'A provider\'s own; admins everyone\'s (or one provider\'s with `provider_id`). Newest first.',
      access: ['admin', 'provider'],
      query: payoutsQuery,
      fields: { provider_id: 'Admins: only this provider\'s payouts.' },
      response: { status: 200, description: 'One page of payouts.', schema: payoutsPage },
    },
    {
      method: 'post',
      path: '/api/v1/payouts',
      operationId: 'createPayouts',
      summary: 'Pay out available earnings',
      tags: [PAYOUTS],
      description:
        'One payout per provider and currency with a positive available total, taking all those lines (a line is in at most one payout). ' +
        'By Stripe transfer when the provider\'s account has payouts enabled (for one provider: 409 `payouts_not_enabled` otherwise; for everyone, such providers are skipped), ' +
        'or `manual`: recorded as paid by bank transfer, with its reference. 200 with an empty list when there was nothing to pay.',
      access: ['admin'],
      body: createPayoutsBody,
      fields: { provider_id: 'One provider; without it, everyone with something available.', reference: 'Required for a manual payout: the bank transfer reference.' },
      response: { status: 201, description: 'The payouts made.', schema: z.object({ payouts: z.array(payout) }) },
      errors: ['not_found', 'payouts_not_enabled'],
    },
    {
      method: 'get',
      path: '/api/v1/payouts/{id}',
      operationId: 'getPayoutStatement',
      summary: 'A payout\'s statement',
      tags: [PAYOUTS],
      description: 'The payout with every line and clawback it paid; the totals add up to its amount. Another provider\'s payout is a 404.',
      access: ['admin', 'provider'],
      params: { id: 'The payout id.' },
      response: { status: 200, description: 'The statement.', schema: payoutStatement },
    },
    {
      method: 'get',
      path: '/api/v1/connect',
      operationId: 'getConnectStatus',
      summary: 'The provider\'s Stripe account',
      tags: [CONNECT],
      description: 'As last told by Stripe (its account.updated events); `?refresh=1` asks Stripe first.',
      access: ['provider'],
      response: { status: 200, description: 'Where onboarding stands.', schema: connectStatus },
    },
    {
      method: 'post',
      path: '/api/v1/connect/onboarding',
      operationId: 'startConnectOnboarding',
      summary: 'Stripe onboarding link',
      tags: [CONNECT],
      description: 'Makes the provider\'s express account on first use, then a fresh Stripe-hosted onboarding link; Stripe sends the provider back to /provider/payouts?connect=return.',
      access: ['provider'],
      response: { status: 200, description: 'The link.', schema: stripeLink },
      errors: ['service_unavailable'],
    },
    {
      method: 'post',
      path: '/api/v1/connect/dashboard-link',
      operationId: 'createConnectDashboardLink',
      summary: 'Stripe Express dashboard link',
      tags: [CONNECT],
      description: 'A one-time login to the provider\'s Express dashboard; 409 before onboarding.',
      access: ['provider'],
      response: { status: 200, description: 'The link.', schema: stripeLink },
      errors: ['not_connected', 'service_unavailable'],
    },
    {
      method: 'get',
      path: '/api/v1/connect/refresh',
      operationId: 'refreshConnectOnboarding',
      summary: 'A fresh onboarding link, by redirect',
      tags: [CONNECT],
      description: 'Stripe\'s refresh_url: an onboarding link that expired or was used sends the provider here, and on to a new one.',
      access: ['provider'],
      response: { status: 302, description: 'To Stripe\'s onboarding page (Location).' },
      errors: ['service_unavailable'],
    },
  ],
});
