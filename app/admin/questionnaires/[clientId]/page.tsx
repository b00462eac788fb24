import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { QuestionnaireReview } from '@/components/questionnaire/questionnaire-review';
import { requirePageRole } from '@/lib/auth';
import { questionnaireForPage } from '@/components/questionnaire/load-questionnaire';
import { QUESTIONS } from '@/lib/questionnaire';

export const metadata: Metadata = { title: 'Client questionnaire' };

export default async function AdminClientQuestionnairePage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', `/admin/questionnaires/${encodeURIComponent(clientId)}`);
  const view = await questionnaireForPage(clientId, admin);
  return (
    <>
      <Link href="/admin/questionnaires" className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden="true" className="size-4" />
        All questionnaires
      </Link>
      <PageHeader title={`${view.client.name}'s questionnaire`} description={view.client.email} />
      <QuestionnaireReview view={view} questions={QUESTIONS.map((q) => ({ id: q.id, text: q.text }))} />
    </>
  );
}
