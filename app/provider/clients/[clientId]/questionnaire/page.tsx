import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { QuestionnaireReview } from '@/components/questionnaire/questionnaire-review';
import { requirePageRole } from '@/lib/auth';
import { questionnaireForPage } from '@/components/questionnaire/load-questionnaire';
import { QUESTIONS } from '@/lib/questionnaire';

export const metadata: Metadata = { title: 'Client questionnaire' };

// Only clients who booked with this provider; anyone else is Next's 404 (existence does not leak).
export default async function ProviderClientQuestionnairePage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const provider = await requirePageRole('provider', `/provider/clients/${encodeURIComponent(clientId)}/questionnaire`);
  const view = await questionnaireForPage(clientId, provider);
  return (
    <>
      <PageHeader title={`${view.client.name}'s questionnaire`} description={view.client.email} />
      <QuestionnaireReview view={view} questions={QUESTIONS.map((q) => ({ id: q.id, text: q.text }))} />
    </>
  );
}
