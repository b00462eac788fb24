import type { ComponentProps } from 'react';
import { join } from './join';

/** A native select styled like Input: works without JavaScript in GET forms. */
export function NativeSelect({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      // A list box (multiple) is as tall as a few options; a drop-down is one line.
      className={join(
        'flex w-full rounded-lg border border-border bg-card px-3 text-sm',
        props.multiple ? 'min-h-32 py-2' : 'h-10',
        'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring',
        className,
      )}
      {...props}
    />
  );
}
