import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { QuestionnaireForm } from '@/components/questionnaire/questionnaire-form';
import { singleParam, type SearchParams } from '@/components/search-params';
import { QuestionnaireStatusCard } from '@/components/questionnaire/status-card';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { QUESTIONS, CONSENT_TEXT, readOwnAnswers, questionnaireStatus } from '@/lib/questionnaire';

export const metadata: Metadata = { title: 'Health questionnaire' };

type Props = { searchParams: Promise<SearchParams> };

export default async function QuestionnairePage({ searchParams }: Props) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const user = await requirePageRole('client', '/account/questionnaire');
  const [status, own] = await Promise.all([questionnaireStatus(user.id), readOwnAnswers(user.id)]);
  const renewal = status.state !== 'missing';
  // What the client was booking when sent here; the action checks it is a path of this site before following it.
  const next = singleParam(await searchParams, 'next')?.slice(0, 500);
  return (
    <>
      <PageHeader
        title="Health questionnaire"
        description="Seven questions about your health, renewed every year. Only you, your practitioners and our admins can read your answers."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
        <Card className="lg:order-1">
          <CardHeader>
            <CardTitle>{renewal ? 'Renew your questionnaire' : 'Complete your questionnaire'}</CardTitle>
            <CardDescription>
              {renewal
                ? 'Answer every question again as things are today. Saving replaces your current questionnaire for another year.'
                : 'Answer every question, add someone we can call in an emergency, and confirm. It is valid for a year.'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <QuestionnaireForm
              questions={QUESTIONS.map((q) => ({ id: q.id, text: q.text }))}
              consentText={CONSENT_TEXT}
              renewal={renewal}
              defaultContact={own?.emergency_contact}
              next={next}
            />
          </CardContent>
        </Card>
        <div className="lg:order-2">
          <QuestionnaireStatusCard status={status} showLink={false} />
        </div>
      </div>
    </>
  );
}
