'use client';

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ActionMessage } from '@/components/bookings/action-message';
import { FormError } from '@/components/ui/alert';
import { Button, type ButtonProps } from '@/components/ui/button';
import { emptyFormState, type FormState } from '@/lib/form-state';

export interface DialogInput {
  name: string;
  label: string;
  placeholder?: string;
  required?: boolean;
  maxLength?: number;
  /** A text area of a few lines instead of a one-line input. */
  multiline?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'text';
  /** Told each change of the text (a preview that depends on it). */
  onChange?: (value: string) => void;
}

// Plain fields rather than Input (which resolves class conflicts with tailwind-merge): nothing here overrides them.
const fieldClass =
  'w-full rounded-lg border border-border bg-card px-3 text-sm placeholder:text-muted-foreground ' +
  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring aria-invalid:border-destructive';
const textareaClass = `${fieldClass} py-2`;
const inputClass = `${fieldClass} h-10`;

function DialogField({ id, input, error, defaultValue }: { id: string; input: DialogInput; error?: string; defaultValue?: string }) {
  const shared = {
    id,
    name: input.name,
    placeholder: input.placeholder,
    required: input.required,
    maxLength: input.maxLength,
    defaultValue,
    autoComplete: 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  } as const;
  const onChange = input.onChange ? (e: { currentTarget: { value: string } }) => input.onChange?.(e.currentTarget.value) : undefined;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        {input.label}
      </label>
      {input.multiline ? <textarea {...shared} rows={3} className={textareaClass} onChange={onChange} /> : <input {...shared} type="text" inputMode={input.inputMode} onChange={onChange} className={inputClass} />}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A server action behind a confirmation: the trigger opens a dialog that
 * says what will happen, with hidden inputs naming what it is about and,
 * when asked, text inputs (each with its own error). A refusal keeps the
 * dialog open with the error; a success closes it (or the action redirects).
 * With `onDone`, the caller is told each success and shows the outcome
 * itself: the dialog then renders no message (and no wrapper) of its own.
 * `children` go in the form above its message (a preview of the effect);
 * `onOpenChange` is told when the dialog opens or closes.
 */
export function ConfirmActionDialog<D = never>({
  action,
  trigger,
  triggerVariant = 'default',
  triggerSize = 'default',
  confirmVariant = 'default',
  title,
  description,
  confirmLabel,
  pendingLabel,
  cancelLabel = 'Cancel',
  fields = {},
  inputs = [],
  onDone,
  onOpenChange,
  triggerClassName,
  children,
}: {
  action: (prev: FormState<D>, form: FormData) => Promise<FormState<D>>;
  trigger: string;
  triggerVariant?: ButtonProps['variant'];
  triggerSize?: ButtonProps['size'];
  confirmVariant?: ButtonProps['variant'];
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  fields?: Record<string, string>;
  inputs?: readonly DialogInput[];
  /** Told every answer that is not an error, after the dialog closes. */
  onDone?: (state: FormState<D>) => void;
  onOpenChange?: (open: boolean) => void;
  triggerClassName?: string;
  children?: ReactNode;
}) {
  const [open, setOpenState] = useState(false);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const [state, submit, pending] = useActionState(async (prev: FormState<D>, form: FormData) => {
    const next = await action(prev, form);
    if (!next.error) {
      setOpen(false);
      onDone?.(next);
    }
    return next;
  }, emptyFormState as FormState<D>);
  const baseId = useId();
  const inputErrors = inputs.map((i) => state.fields?.[i.name]?.join(' '));
  // Messages on fields the dialog has no input for (a hidden one) go with the form's message.
  const otherErrors = Object.entries(state.fields ?? {})
    .filter(([name]) => !inputs.some((i) => i.name === name))
    .flatMap(([, messages]) => messages);
  const formError = [state.error, ...otherErrors].filter(Boolean).join(' ');
  const ref = useRef<HTMLDialogElement>(null);
  // A native modal <dialog>: the page behind is inert, Escape closes it and focus
  // stays inside, without a dialog library in the page's first-load JavaScript.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  const dialog = (
    <>
      <Button variant={triggerVariant} size={triggerSize} className={triggerClassName} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {trigger}
      </Button>
      <dialog
        ref={ref}
        role="alertdialog"
        aria-labelledby={`${baseId}-title`}
        aria-describedby={`${baseId}-description`}
        onClose={() => {
          if (open) setOpen(false);
        }}
        className="fixed top-1/2 left-1/2 z-50 m-0 hidden w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-(--radius-card) border border-border bg-card p-6 text-foreground shadow-lg backdrop:bg-black/40 open:flex"
      >
        {open ? (
          <>
            <h2 id={`${baseId}-title`} className="text-lg font-semibold">
              {title}
            </h2>
            <div id={`${baseId}-description`} className="text-sm text-muted-foreground">
              {description}
            </div>
            <form action={submit} className="flex flex-col gap-4">
              {Object.entries(fields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              {inputs.map((input, i) => (
                <DialogField key={input.name} id={`${baseId}-${input.name}`} input={input} error={inputErrors[i]} defaultValue={state.values?.[input.name]} />
              ))}
              {children}
              <FormError message={formError || undefined} />
              <div className="flex flex-wrap justify-end gap-2">
                <Button type="button" variant="outline" autoFocus onClick={() => setOpen(false)}>
                  {cancelLabel}
                </Button>
                <Button type="submit" variant={confirmVariant} disabled={pending}>
                  {pending ? pendingLabel : confirmLabel}
                </Button>
              </div>
            </form>
          </>
        ) : null}
      </dialog>
    </>
  );
  if (onDone) return dialog;
  return (
    <div className="flex flex-col items-start gap-2">
      {!open ? <ActionMessage state={state} /> : null}
      {dialog}
    </div>
  );
}
