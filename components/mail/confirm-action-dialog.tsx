'use client';

import { AlertDialog } from 'radix-ui';
import { useActionState, useState, type ReactNode } from 'react';
import { FormError } from '@/components/ui/alert';
import { Button, type ButtonProps } from '@/components/ui/button';
import { emptyFormState, type FormState } from '@/lib/form-state';

interface ConfirmActionDialogProps<D> {
  action: (prev: FormState<D>, form: FormData) => Promise<FormState<D>>;
  trigger: string;
  title: string;
  description: ReactNode;
  confirm: string;
  pendingLabel: string;
  cancel: string;
  variant?: ButtonProps['variant'];
  /** Told every answer that is not an error, after the dialog closes. */
  onDone?: (state: FormState<D>) => void;
}

/** A server action behind a confirmation: the dialog stays open with the error when it fails. */
export function ConfirmActionDialog<D>({ action, trigger, title, description, confirm, pendingLabel, cancel, variant = 'default', onDone }: ConfirmActionDialogProps<D>) {
  const [open, setOpen] = useState(false);
  const [state, run, pending] = useActionState(async (prev: FormState<D>, form: FormData) => {
    const next = await action(prev, form);
    if (!next.error) {
      setOpen(false);
      onDone?.(next);
    }
    return next;
  }, emptyFormState as FormState<D>);
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <Button variant={variant === 'destructive' ? 'destructive' : 'outline'}>{trigger}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-(--radius-card) border border-border bg-card p-6 shadow-lg">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-muted-foreground">{description}</AlertDialog.Description>
          <form action={run} className="flex flex-col gap-4">
            <FormError message={state.error} />
            <div className="flex flex-wrap justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button variant="outline">{cancel}</Button>
              </AlertDialog.Cancel>
              <Button type="submit" variant={variant} disabled={pending}>
                {pending ? pendingLabel : confirm}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
