'use client';

import { useActionState } from 'react';
import { clearQuestionnaireAction } from '@/app/questionnaires/actions';
import { SubmitButton } from '@/components/auth/submit-button';
import { useFocusFirstError } from '@/components/auth/use-focus-first-error';
import { Alert, FormError } from '@/components/ui/alert';
import { Label } from '@/components/ui/label';
import { cn } from '@/components/ui/utils';
import { emptyFormState } from '@/lib/form-state';

/** "Clear for booking" with the required note saying why. */
export function ClearanceForm({ questionnaireId }: { questionnaireId: string }) {
  const [state, formAction, pending] = useActionState(clearQuestionnaireAction, emptyFormState);
  const formRef = useFocusFirstError(state);
  const errors = state.fields?.note;
  if (state.ok) {
    return (
      <Alert role="status" data-testid="clearance-saved">
        {state.ok}
      </Alert>
    );
  }
  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-4" aria-label="Clear for booking">
      <FormError message={state.error} />
      <input type="hidden" name="questionnaire_id" value={questionnaireId} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="clearance-note">Clearance note</Label>
        <textarea
          id="clearance-note"
          name="note"
          required
          maxLength={1000}
          rows={4}
          defaultValue={state.values?.note}
          aria-invalid={errors ? true : undefined}
          aria-describedby={['clearance-note-hint', errors ? 'clearance-note-error' : ''].filter(Boolean).join(' ')}
          className={cn(
            'w-full rounded-lg border border-border bg-card px-3 py-2 text-sm placeholder:text-muted-foreground',
            'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring',
            'aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive',
          )}
        />
        <p id="clearance-note-hint" className="text-xs text-muted-foreground">
          Why the client may book, for example what you discussed or the doctor&apos;s note you saw. Stored encrypted.
        </p>
        {errors ? (
          <p id="clearance-note-error" className="text-sm text-destructive">
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
      <SubmitButton pending={pending} label="Clear for booking" pendingLabel="Clearing…" />
    </form>
  );
}
