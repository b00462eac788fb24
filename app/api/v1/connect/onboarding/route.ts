import { connectOnboardingUrl } from '@/lib/flows';
import { apiRoute } from '@/lib/http';

// POST /api/v1/connect/onboarding -> {url}: Stripe's onboarding page for the provider's express account (made once).
export const POST = apiRoute({ access: ['provider'] }, async ({ request, user }) => ({ url: await connectOnboardingUrl(user, new URL(request.url).origin) }));
