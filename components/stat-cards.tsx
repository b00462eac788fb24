import type { ReactNode } from 'react';

export interface Stat {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
}

/**
 * A row of figures, each a card with its label, value and a line about it: one
 * description list, each card a dt/dd group (a dt inside a <p> would be moved
 * out by the HTML parser, and React's hydration would then fail).
 */
export function StatCards({ stats, className = 'sm:grid-cols-3', testId }: { stats: readonly Stat[]; className?: string; testId?: string }) {
  return (
    <dl className={`grid gap-4 ${className}`} data-testid={testId}>
      {stats.map((item) => (
        <div key={item.label} data-testid={item.testId} className="flex flex-col gap-1.5 rounded-(--radius-card) border border-border bg-card p-6 shadow-sm">
          <dt className="text-sm text-muted-foreground">{item.label}</dt>
          <dd className="text-2xl font-semibold leading-tight">{item.value}</dd>
          {item.note ? <dd className="pt-1.5 text-sm text-muted-foreground">{item.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
