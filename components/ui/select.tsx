import type { ComponentProps } from 'react';
import { cn } from './utils';

/** A native select styled like Input: works without JavaScript in GET forms. */
export function NativeSelect({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        'flex h-10 w-full rounded-lg border border-border bg-card px-3 text-sm',
        'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring',
        className,
      )}
      {...props}
    />
  );
}
