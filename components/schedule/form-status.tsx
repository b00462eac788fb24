import { FormError } from '@/components/ui/alert';
import type { FormState } from '@/lib/form-state';

/** The form-level outcome: the error (with any field messages that have no input of their own) or a quiet success note. */
export function FormStatus({ state, unplacedFields = [] }: { state: FormState<unknown>; unplacedFields?: string[] }) {
  const extra = Object.entries(state.fields ?? {}).filter(([key]) => unplacedFields.some((p) => key === p || key.startsWith(`${p}.`)));
  return (
    <>
      <FormError message={state.error ? [state.error, ...extra.flatMap(([, m]) => m)].join(' ') : undefined} />
      <p role="status" aria-live="polite" className="text-sm text-primary empty:hidden">
        {state.error ? '' : (state.ok ?? '')}
      </p>
    </>
  );
}
