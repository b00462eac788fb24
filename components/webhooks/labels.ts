import type { BadgeProps } from '@/components/ui/badge';
import type { WebhookOutcome } from '@/lib/payments';

export const webhookOutcomes: readonly WebhookOutcome[] = ['received', 'handled', 'duplicate', 'ignored', 'failed'];

export const webhookOutcomeLabel: Record<WebhookOutcome, string> = {
  received: 'Received, not finished',
  handled: 'Handled',
  duplicate: 'Duplicate',
  ignored: 'Ignored (type not used)',
  failed: 'Failed',
};

export const webhookOutcomeVariant: Record<WebhookOutcome, BadgeProps['variant']> = {
  received: 'outline',
  handled: 'default',
  duplicate: 'muted',
  ignored: 'muted',
  failed: 'destructive',
};

/** How far back a backfill asks Stripe for events (Stripe keeps them for 30 days). */
export const backfillWindows = [
  { hours: 1, label: 'the last hour' },
  { hours: 6, label: 'the last 6 hours' },
  { hours: 24, label: 'the last 24 hours' },
  { hours: 72, label: 'the last 3 days' },
  { hours: 168, label: 'the last 7 days' },
  { hours: 720, label: 'the last 30 days' },
] as const;
