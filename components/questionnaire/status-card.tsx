import { ArrowRight, ClipboardList } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import type { QuestionnaireStatus } from '@/lib/questionnaire';
import { QuestionnaireStatusBadge, QuestionnaireStatusText } from './status-summary';

function actionLabel(status: QuestionnaireStatus): string {
  if (status.state === 'missing') return 'Complete questionnaire';
  if (status.state === 'expired' || status.due_for_renewal) return 'Renew questionnaire';
  return 'View questionnaire';
}

/** The client's questionnaire at a glance, linking to the form (on /account and atop the form page). */
export function QuestionnaireStatusCard({ status, showLink = true }: { status: QuestionnaireStatus; showLink?: boolean }) {
  return (
    <Card data-testid="questionnaire-status">
      <CardHeader>
        <div className="flex items-center justify-between gap-3">
          <div className="flex items-center gap-3">
            <span className="grid size-9 place-items-center rounded-lg bg-secondary text-secondary-foreground [&_svg]:size-4">
              <ClipboardList aria-hidden="true" />
            </span>
            <CardTitle>Health questionnaire</CardTitle>
          </div>
          <QuestionnaireStatusBadge status={status} />
        </div>
        <CardDescription>A short health questionnaire, renewed every year, is needed before you book.</CardDescription>
      </CardHeader>
      <CardContent className="text-sm">
        <QuestionnaireStatusText status={status} />
      </CardContent>
      {showLink ? (
        <CardFooter>
          <Button asChild variant="outline">
            <Link href="/account/questionnaire">
              {actionLabel(status)}
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
        </CardFooter>
      ) : null}
    </Card>
  );
}
