import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';

export interface Stat {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
}

/** A row of figures, each a card with its label, value and a line about it (a description list for screen readers). */
export function StatCards({ stats, className = 'sm:grid-cols-3', testId }: { stats: readonly Stat[]; className?: string; testId?: string }) {
  return (
    <dl className={`grid gap-4 ${className}`} data-testid={testId}>
      {stats.map((item) => (
        // A card is the <div> that groups one <dt> with its <dd>s: a <dl> allows nothing else between them.
        <Card key={item.label} data-testid={item.testId} className="flex flex-col gap-1.5 p-6">
          <dt className="text-sm text-muted-foreground">{item.label}</dt>
          <dd className="text-2xl font-semibold leading-tight">{item.value}</dd>
          {item.note ? <dd className="pt-1.5 text-sm text-muted-foreground">{item.note}</dd> : null}
        </Card>
      ))}
    </dl>
  );
}
