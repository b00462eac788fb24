import { Badge, type BadgeProps } from '@/components/ui/badge';

/** A state as a badge: its label, in the variant the map gives it. */
export function StateBadge<S extends string>({
  state,
  variants,
  labels,
  testId,
}: {
  state: S;
  variants: Record<S, BadgeProps['variant']>;
  labels: Record<S, string>;
  testId: string;
}) {
  return (
    <Badge variant={variants[state]} data-testid={testId}>
      {labels[state]}
    </Badge>
  );
}
