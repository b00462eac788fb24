import { connectOnboardingUrl } from '@/lib/flows';
import { apiRoute } from '@/lib/http';

// GET /api/v1/connect/refresh: Stripe's refresh_url; an expired onboarding link sends the provider here for a fresh one (302).
export const GET = apiRoute({ access: ['provider'] }, async ({ request, user }) => Response.redirect(await connectOnboardingUrl(user, new URL(request.url).origin), 302));
