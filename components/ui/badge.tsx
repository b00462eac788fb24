import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { join } from './join';

const badgeVariants = cva('inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium', {
  variants: {
    variant: {
      default: 'bg-secondary text-secondary-foreground',
      outline: 'border border-border text-foreground',
      muted: 'bg-muted text-muted-foreground',
      destructive: 'bg-destructive/10 text-destructive',
    },
  },
  defaultVariants: { variant: 'default' },
});

export type BadgeProps = ComponentProps<'span'> & VariantProps<typeof badgeVariants>;

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span className={join(badgeVariants({ variant }), className)} {...props} />;
}
