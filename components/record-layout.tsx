import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';

/** The page header's link back to the list a record came from. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
      {children}
    </Link>
  );
}

/** The wide "Details" card of a record page (two of the three columns on large screens). */
export function DetailsCard({ contentClassName, footer, children }: { contentClassName?: string; footer?: ReactNode; children: ReactNode }) {
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
      {footer ? <CardFooter>{footer}</CardFooter> : null}
    </Card>
  );
}

/** One label and value of a <dl> grid of facts. */
export function Fact({ label, className = 'font-medium', testId, children }: { label: string; className?: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className={className} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
