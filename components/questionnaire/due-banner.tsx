import { CircleAlert } from 'lucide-react';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { QuestionnaireStatus } from '@/lib/questionnaire';

function message(status: QuestionnaireStatus): { text: string; link: string } | null {
  switch (status.state) {
    case 'missing':
      return { text: 'Complete your health questionnaire before your first booking.', link: 'Complete it now' };
    case 'expired':
      return { text: 'Your health questionnaire has expired. Renew it to book again.', link: 'Renew it now' };
    case 'needs_clearance':
      return { text: 'Your health questionnaire is awaiting clearance by a practitioner or an admin before you can book.', link: 'View it' };
    case 'valid': {
      if (!status.due_for_renewal) return null;
      const n = status.days_until_expiry ?? 0;
      return { text: `Your health questionnaire is due for renewal: it expires in ${n === 1 ? '1 day' : `${n} days`}.`, link: 'Renew it now' };
    }
  }
}

/** Shown on /account when the questionnaire stands between the client and a booking. */
export function QuestionnaireDueBanner({ status }: { status: QuestionnaireStatus }) {
  const content = message(status);
  if (!content) return null;
  return (
    <Alert className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="questionnaire-banner">
      <CircleAlert aria-hidden="true" className="size-4 shrink-0 text-primary" />
      <span>{content.text}</span>
      <Link href="/account/questionnaire" className="font-medium text-primary underline underline-offset-4">
        {content.link}
      </Link>
    </Alert>
  );
}
