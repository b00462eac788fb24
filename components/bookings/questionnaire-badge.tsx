import Link from 'next/link';
import { LocalDate } from '@/components/local-date';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { QuestionnaireStatus } from '@/lib/questionnaire';

/** What a client's questionnaire status means, in words (the date of a valid one is shown beside it, in the reader's zone). */
export function questionnaireWords(status: QuestionnaireStatus | undefined): string {
  switch (status?.state ?? 'missing') {
    case 'valid':
      return 'Health questionnaire valid';
    case 'needs_clearance':
      return 'Health questionnaire needs review';
    case 'expired':
      return 'Health questionnaire expired';
    default:
      return 'Health questionnaire missing';
  }
}

/** A booked client's questionnaire at a glance, linking to the answers (for their practitioner). */
export function ClientQuestionnaireBadge({ clientId, status }: { clientId: string; status: QuestionnaireStatus | undefined }) {
  const state = status?.state ?? 'missing';
  const variant: Record<QuestionnaireStatus['state'], BadgeProps['variant']> = { valid: 'default', needs_clearance: 'destructive', expired: 'destructive', missing: 'muted' };
  return (
    <Link
      href={`/provider/clients/${clientId}/questionnaire`}
      className="rounded-full focus-visible:outline-2 focus-visible:outline-ring"
    >
      {/* The name is the visible text with what it refers to around it (WCAG 2.5.3: the label contains the visible text). */}
      <span className="sr-only">Questionnaire: </span>
      <Badge variant={variant[state]} data-testid="questionnaire-badge">
        {state === 'valid' && status?.expires_at ? (
          // One inline span: the badge is a flex container, which would drop the space.
          <span>
            Health questionnaire valid until <LocalDate iso={status.expires_at} options={{ dateStyle: 'medium' }} />
          </span>
        ) : (
          questionnaireWords(status)
        )}
      </Badge>
      <span className="sr-only">. Open the answers.</span>
    </Link>
  );
}
