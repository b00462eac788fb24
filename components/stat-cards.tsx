import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

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
        <Card key={item.label} data-testid={item.testId}>
          <CardHeader>
            <CardDescription>
              <dt>{item.label}</dt>
            </CardDescription>
            <CardTitle className="text-2xl">
              <dd>{item.value}</dd>
            </CardTitle>
          </CardHeader>
          {item.note ? <CardContent className="text-sm text-muted-foreground">{item.note}</CardContent> : null}
        </Card>
      ))}
    </dl>
  );
}
