import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDate } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';
import { Badge } from '@/components/ui/badge';
import type { QuestionnaireListItem } from '@/lib/questionnaire';

const stateLabel: Record<QuestionnaireListItem['state'], string> = {
  missing: 'Not completed',
  expired: 'Expired',
  needs_clearance: 'Awaiting clearance',
  valid: 'Valid',
};

function questionnaireColumns(reviewHref: (clientId: string) => string): Column<QuestionnaireListItem>[] {
  return [
    { header: 'Client', rowHeader: true, cell: (q) => q.client.name },
    { header: 'E-mail', className: 'break-all', cell: (q) => q.client.email },
    { header: 'Completed', className: 'whitespace-nowrap', cell: (q) => <LocalDate iso={q.completed_at} options={{ dateStyle: 'medium' }} /> },
    { header: 'State', cell: (q) => <Badge variant={q.state === 'needs_clearance' ? 'destructive' : 'outline'}>{stateLabel[q.state]}</Badge> },
    {
      header: 'Actions',
      hiddenHeader: true,
      className: 'text-right max-sm:text-left',
      cell: (q) => (
        <Link href={reviewHref(q.client.id)} className={linkClass}>
          Review<span className="sr-only"> {q.client.name}&apos;s questionnaire</span>
        </Link>
      ),
    },
  ];
}

/** Questionnaires awaiting review: who and since when, never the answers. */
export function QuestionnairesTable({ items, reviewHref }: { items: QuestionnaireListItem[]; reviewHref: (clientId: string) => string }) {
  return (
    <DataTable
      caption="Questionnaires awaiting clearance"
      columns={questionnaireColumns(reviewHref)}
      rows={items}
      rowKey={(q) => q.id}
      empty="No questionnaires are awaiting clearance."
    />
  );
}
