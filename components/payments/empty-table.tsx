import type { ReactNode } from 'react';

/** The table's place when there is nothing to list. */
export function EmptyTable({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-border bg-muted/50 px-4 py-10 text-center text-muted-foreground">{children}</p>;
}

export const cell = 'px-4 py-3';
export const tableFrame = 'overflow-x-auto rounded-(--radius-card) border border-border bg-card';
export const headRow = 'border-b border-border bg-muted/60 text-muted-foreground';
export const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';
