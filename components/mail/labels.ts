import type { OutboxMessageDto } from '@/lib/mail';

export type OutboxState = OutboxMessageDto['state'];

/** Every outbox state, in the order a message passes through them. */
export const outboxStates = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const satisfies readonly OutboxState[];

export const outboxStateLabel: Record<OutboxState, string> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  suppressed: 'Suppressed',
};

/** A template key (`booking_confirmed`) as words (`Booking confirmed`). */
export function templateLabel(template: string): string {
  const words = template.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
