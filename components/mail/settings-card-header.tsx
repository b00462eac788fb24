import type { ReactNode } from 'react';
import { CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

/** A settings card's header: its icon in a tile, its title and what it is for. */
export function SettingsCardHeader({ icon, title, description }: { icon: ReactNode; title: string; description: string }) {
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
