import { connectDashboardUrl } from '@/lib/flows';
import { apiRoute } from '@/lib/http';

// POST /api/v1/connect/dashboard-link -> {url}: a login link to the provider's Express dashboard; 409 before onboarding.
export const POST = apiRoute({ access: ['provider'] }, async ({ user }) => ({ url: await connectDashboardUrl(user) }));
