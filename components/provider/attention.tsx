import { AlertTriangle } from 'lucide-react';
import Link from 'next/link';
import { connectStage } from '@/components/earnings/connect-status-card';
import { linkClass } from '@/components/payments/empty-table';
import type { ConnectStatusDto } from '@/lib/earnings';
import type { QuestionnaireList } from '@/lib/questionnaire';

interface AttentionItem {
  key: string;
  text: string;
  href: string;
  action: string;
}

/** What the practitioner should do: Stripe onboarding, flagged questionnaires of their clients, classes to complete. */
export function attentionItems(connect: ConnectStatusDto, flagged: QuestionnaireList, classesToComplete: number): AttentionItem[] {
  const items: AttentionItem[] = [];
  const stage = connectStage(connect);
  if (stage === 'not_connected') items.push({ key: 'connect', text: 'Your Stripe account is not connected, so you cannot be paid out.', href: '/provider/payouts', action: 'Connect with Stripe' });
  if (stage === 'onboarding') {
    const due = connect.requirements_due.length;
    items.push({
      key: 'connect',
      text: `Stripe onboarding is not finished${due ? `: ${due === 1 ? '1 detail is' : `${due} details are`} still due` : ''}.`,
      href: '/provider/payouts',
      action: 'Continue onboarding',
    });
  }
  for (const q of flagged.questionnaires) {
    items.push({ key: `q-${q.id}`, text: `${q.client.name}’s health questionnaire is flagged and awaits clearance.`, href: `/provider/clients/${q.client.id}/questionnaire`, action: 'Review answers' });
  }
  const more = flagged.total - flagged.questionnaires.length;
  if (more > 0) items.push({ key: 'q-more', text: `${more} more flagged ${more === 1 ? 'questionnaire' : 'questionnaires'}.`, href: '/provider/schedule', action: 'See your schedule' });
  if (classesToComplete > 0) {
    items.push({
      key: 'classes',
      text: `${classesToComplete === 1 ? '1 class has' : `${classesToComplete} classes have`} started and ${classesToComplete === 1 ? 'is' : 'are'} not marked delivered.`,
      href: '/provider/classes',
      action: 'Complete classes',
    });
  }
  return items;
}

export function AttentionList({ items }: { items: AttentionItem[] }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">Nothing needs your attention.</p>;
  return (
    <ul className="flex flex-col gap-3 text-sm" data-testid="attention">
      {items.map((i) => (
        <li key={i.key} className="flex items-start gap-2">
          <AlertTriangle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-destructive" />
          <span>
            {i.text}{' '}
            <Link href={i.href} className={linkClass}>
              {i.action}
            </Link>
          </span>
        </li>
      ))}
    </ul>
  );
}
