import { LocalDate } from '@/components/local-date';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { QuestionnaireStatus } from '@/lib/questionnaire';

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** The status's badge: what a client or a practitioner needs to know at a glance. */
export function QuestionnaireStatusBadge({ status }: { status: QuestionnaireStatus }) {
  const badge: Record<QuestionnaireStatus['state'], { label: string; variant: BadgeProps['variant'] }> = {
    missing: { label: 'Not completed', variant: 'muted' },
    expired: { label: 'Expired', variant: 'destructive' },
    needs_clearance: { label: 'Awaiting clearance', variant: 'destructive' },
    valid: status.due_for_renewal ? { label: 'Due for renewal', variant: 'outline' } : { label: 'Valid', variant: 'default' },
  };
  const { label, variant } = badge[status.state];
  return <Badge variant={variant}>{label}</Badge>;
}

/** One or two sentences on the status, in the client's words ("you") or about them. */
export function QuestionnaireStatusText({ status, audience = 'client' }: { status: QuestionnaireStatus; audience?: 'client' | 'staff' }) {
  const you = audience === 'client';
  const expires = status.expires_at ? <LocalDate iso={status.expires_at} /> : null;
  switch (status.state) {
    case 'missing':
      return <p>{you ? 'You have not completed the questionnaire yet. You need it before you can book.' : 'No questionnaire completed yet.'}</p>;
    case 'expired':
      return (
        <p>
          Expired on {expires}. {you ? 'Renew it to book again.' : 'The client must renew it before booking.'}
        </p>
      );
    case 'needs_clearance':
      return (
        <p>
          {you
            ? 'One of your answers needs a practitioner or an admin to clear it before you can book. '
            : 'A "yes" to a medical question: the client cannot book until it is cleared. '}
          Valid until {expires}.
        </p>
      );
    case 'valid':
      return (
        <p>
          Valid until {expires}.
          {status.due_for_renewal && status.days_until_expiry !== null ? ` Due for renewal in ${days(status.days_until_expiry)}.` : ''}
        </p>
      );
  }
}
