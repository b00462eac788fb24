import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { join } from './join';

const alertVariants = cva('rounded-lg border px-4 py-3 text-sm', {
  variants: {
    variant: {
      info: 'border-border bg-muted text-foreground',
      error: 'border-destructive/40 bg-destructive/5 text-destructive',
    },
  },
  defaultVariants: { variant: 'info' },
});

export type AlertProps = ComponentProps<'div'> & VariantProps<typeof alertVariants>;

/** Errors are announced (role="alert"); informational notes are not. */
export function Alert({ className, variant, role, ...props }: AlertProps) {
  return (
    <div
      role={role ?? (variant === 'error' ? 'alert' : undefined)}
      className={join(alertVariants({ variant }), className)}
      {...props}
    />
  );
}

/** The form-level error container; tests find it by its test id. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <Alert variant="error" data-testid="form-error">
      {message}
    </Alert>
  );
}
