import { cva, type VariantProps } from 'class-variance-authority';
import { cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { join } from './join';

export const buttonVariants = cva(
  'inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-lg text-sm font-medium transition-colors ' +
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring ' +
    'disabled:pointer-events-none disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0',
  {
    variants: {
      variant: {
        default: 'bg-primary text-primary-foreground hover:bg-primary-hover',
        secondary: 'bg-secondary text-secondary-foreground hover:bg-secondary/70',
        outline: 'border border-border bg-card hover:bg-muted',
        ghost: 'hover:bg-muted',
        destructive: 'bg-destructive text-destructive-foreground hover:bg-destructive/90',
        link: 'text-primary underline-offset-4 hover:underline',
      },
      size: {
        default: 'h-10 px-4',
        sm: 'h-8 px-3 text-xs',
        lg: 'h-11 px-6 text-base',
        icon: 'size-10',
      },
    },
    defaultVariants: { variant: 'default', size: 'default' },
  },
);

export interface ButtonProps extends ComponentProps<'button'>, VariantProps<typeof buttonVariants> {
  /** Renders the child element (for example a Link) with the button's styles. */
  asChild?: boolean;
}

export function Button({ className, variant, size, asChild = false, type, ...props }: ButtonProps) {
  if (asChild) return <Slot className={join(buttonVariants({ variant, size }), className)} {...props} />;
  return <button type={type ?? 'button'} className={join(buttonVariants({ variant, size }), className)} {...props} />;
}

type SlotProps = ComponentProps<'button'> & { children?: ReactNode };

/**
 * `asChild`: the button's props on its only child (a Link, say), the child's
 * own props winning, classes joined and both click handlers run. A few lines
 * instead of Radix's Slot, which is in the first-load JavaScript of every
 * page that shows a button (scripts/page-weight.ts).
 */
function Slot({ children, className, onClick, ...props }: SlotProps) {
  if (!isValidElement(children)) return null;
  const child = children as ReactElement<{ className?: string; onClick?: SlotProps['onClick'] }>;
  const own = child.props;
  return cloneElement(child, {
    ...props,
    ...own,
    className: join(className, own.className),
    onClick:
      onClick && own.onClick
        ? (event: Parameters<NonNullable<SlotProps['onClick']>>[0]) => {
            own.onClick?.(event);
            if (!event.defaultPrevented) onClick(event);
          }
        : (own.onClick ?? onClick),
  } as Record<string, unknown>);
}
