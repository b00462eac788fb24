'use server';

import { redirect } from 'next/navigation';
import { connectDashboardUrl, connectOnboardingUrl } from '@/lib/flows';
import { formAction, requestOrigin } from '@/lib/http';

/** POST /api/v1/connect/onboarding: a fresh Stripe-hosted onboarding link (a new account on first use), and off to it. */
export const startConnectOnboardingAction = formAction({ access: ['provider'] }, async ({ user }) => {
  redirect(await connectOnboardingUrl(user, await requestOrigin()));
});

/** POST /api/v1/connect/dashboard-link: a one-time login to the provider's Stripe Express dashboard. */
export const openConnectDashboardAction = formAction({ access: ['provider'] }, async ({ user }) => {
  redirect(await connectDashboardUrl(user));
});
