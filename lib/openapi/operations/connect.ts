import { apiModule } from '../registry';
import { connectSchemas, connectStatus, stripeLink } from '../responses/earnings';

export const connectApi = apiModule({
  tags: [{ name: 'Connect', description: 'A provider\'s Stripe Connect (express) account, to which Stripe payouts are transferred.' }],
  schemas: connectSchemas,
  operations: [
    {
      method: 'get',
      path: '/api/v1/connect',
      operationId: 'getConnectStatus',
      summary: 'The provider\'s connected account',
      description: 'Whether the provider has a connected account, and whether Stripe can pay out to it yet, as Stripe\'s `account.updated` last said; `?refresh=1` asks Stripe now.',
      access: ['provider'],
      response: { status: 200, description: 'The account\'s state; `account_id` null before onboarding.', schema: connectStatus },
    },
    {
      method: 'post',
      path: '/api/v1/connect/onboarding',
      operationId: 'startConnectOnboarding',
      summary: 'Start or resume Stripe onboarding',
      description: 'Creates the provider\'s express account on first ask (the same one after), and answers a fresh Stripe onboarding link.',
      access: ['provider'],
      response: { status: 200, description: 'Where to send the provider.', schema: stripeLink },
      errors: ['service_unavailable'],
    },
    {
      method: 'get',
      path: '/api/v1/connect/refresh',
      operationId: 'refreshConnectOnboarding',
      summary: 'A fresh onboarding link',
      description: 'Stripe sends the provider here when an onboarding link has expired or was used; it redirects to a new one.',
      access: ['provider'],
      response: { status: 302, description: 'To Stripe\'s onboarding.', location: 'A fresh Stripe onboarding link.' },
      errors: ['service_unavailable'],
    },
    {
      method: 'post',
      path: '/api/v1/connect/dashboard-link',
      operationId: 'createConnectDashboardLink',
      summary: 'A link to the Stripe Express dashboard',
      description: 'Once onboarding is done; before that, a 409 `not_connected`.',
      access: ['provider'],
      response: { status: 200, description: 'Where to send the provider.', schema: stripeLink },
      errors: ['not_connected', 'service_unavailable'],
    },
  ],
});
