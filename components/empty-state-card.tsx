import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from './ui/card';

/** A card's heading with its icon and a line about what the card holds. */
export function IconCardHeader({ icon, title, description }: { icon: ReactNode; title: string; description: string }) {
  return (
    <CardHeader>
      <div className="flex items-center gap-3">
        <span className="grid size-9 place-items-center rounded-lg bg-secondary text-secondary-foreground [&_svg]:size-4">{icon}</span>
        <CardTitle>{title}</CardTitle>
      </div>
      <CardDescription>{description}</CardDescription>
    </CardHeader>
  );
}

/** A section that has nothing in it yet: what will appear, and why it is empty now. */
export function EmptyStateCard({ icon, title, description, children }: { icon: ReactNode; title: string; description: string; children: ReactNode }) {
  return (
    <Card>
      <IconCardHeader icon={icon} title={title} description={description} />
      <CardContent>
        <p className="rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-center text-sm text-muted-foreground">{children}</p>
      </CardContent>
    </Card>
  );
}
