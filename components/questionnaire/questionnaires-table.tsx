import Link from 'next/link';
import { LocalDate } from '@/components/local-date';
import { Badge } from '@/components/ui/badge';
import type { QuestionnaireListItem } from '@/lib/questionnaire';

const stateLabel: Record<QuestionnaireListItem['state'], string> = {
  missing: 'Not completed',
  expired: 'Expired',
  needs_clearance: 'Awaiting clearance',
  valid: 'Valid',
};

/** Questionnaires awaiting review: who and since when, never the answers. */
export function QuestionnairesTable({ items, reviewHref }: { items: QuestionnaireListItem[]; reviewHref: (clientId: string) => string }) {
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border bg-muted/50 px-4 py-10 text-center text-muted-foreground">
        No questionnaires are awaiting clearance.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-(--radius-card) border border-border bg-card">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Questionnaires awaiting clearance</caption>
        <thead className="border-b border-border bg-muted/60 text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Client</th>
            <th scope="col" className="px-4 py-3 font-medium">E-mail</th>
            <th scope="col" className="px-4 py-3 font-medium">Completed</th>
            <th scope="col" className="px-4 py-3 font-medium">State</th>
            <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {items.map((q) => (
            <tr key={q.id}>
              <th scope="row" className="px-4 py-3 font-medium">{q.client.name}</th>
              <td className="px-4 py-3 break-all">{q.client.email}</td>
              <td className="px-4 py-3 whitespace-nowrap"><LocalDate iso={q.completed_at} options={{ dateStyle: 'medium' }} /></td>
              <td className="px-4 py-3">
                <Badge variant={q.state === 'needs_clearance' ? 'destructive' : 'outline'}>{stateLabel[q.state]}</Badge>
              </td>
              <td className="px-4 py-3 text-right">
                <Link href={reviewHref(q.client.id)} className="font-medium text-primary underline-offset-4 hover:underline">
                  Review<span className="sr-only"> {q.client.name}&apos;s questionnaire</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
