import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from './ui/card';

export function FeatureCard({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <li>
      <Card className="h-full">
        <CardHeader>
          <span className="mb-2 grid size-10 place-items-center rounded-lg bg-secondary text-secondary-foreground [&_svg]:size-5">
            {icon}
          </span>
          <CardTitle as="h3">{title}</CardTitle>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">{children}</CardContent>
      </Card>
    </li>
  );
}
