'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { saveQuestionnaireAction } from '@/app/account/questionnaire/actions';
import { FormField } from '@/components/auth/form-field';
import { SubmitButton } from '@/components/auth/submit-button';
import { useFocusFirstError } from '@/components/auth/use-focus-first-error';
import { LocalDate } from '@/components/local-date';
import { Alert, FormError } from '@/components/ui/alert';
import { cn } from '@/components/ui/utils';
import { emptyFormState } from '@/lib/form-state';

interface QuestionnaireFormProps {
  questions: { id: string; text: string }[];
  consentText: string;
  /** Renewal: the only thing carried over from last time is the emergency contact. */
  renewal: boolean;
  defaultContact?: { name: string; phone: string; relationship: string };
  /** Where to go once saved (what the client was booking); the schedule when absent. */
  next?: string;
}

function YesNoQuestion({ id, text, errors, value }: { id: string; text: string; errors?: string[]; value?: string }) {
  const name = `answers.${id}`;
  const errorId = errors?.length ? `q-${id}-error` : undefined;
  return (
    // aria-invalid on the group (radios do not take it) also lets the first unanswered question receive focus.
    <fieldset
      className={cn('flex flex-col gap-3 rounded-lg border border-border p-4 focus-visible:outline-2 focus-visible:outline-ring', errorId && 'border-destructive')}
      aria-describedby={errorId}
      aria-invalid={errorId ? true : undefined}
      tabIndex={errorId ? -1 : undefined}
    >
      <legend className="px-1 text-sm font-medium">{text}</legend>
      <div className="flex gap-6">
        {(['yes', 'no'] as const).map((choice) => (
          <div key={choice} className="flex items-center gap-2">
            <input
              type="radio"
              id={`q-${id}-${choice}`}
              name={name}
              value={choice}
              required
              defaultChecked={value === choice}
              className="size-4 accent-(--color-primary)"
            />
            <label htmlFor={`q-${id}-${choice}`} className="text-sm">
              {choice === 'yes' ? 'Yes' : 'No'}
            </label>
          </div>
        ))}
      </div>
      {errorId ? (
        <p id={errorId} className="text-sm text-destructive">
          {errors?.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** What a save that does not move on (an answer to clear) shows in place of the form: the outcome, and the way on. */
function SavedMessage({ saved }: { saved: { state: string; expires_at: string | null } }) {
  return (
    <div className="flex flex-col gap-4">
      <Alert role="status" data-testid="questionnaire-saved">
        {saved.state === 'needs_clearance' ? (
          <>Questionnaire saved. One of your answers needs a practitioner or an admin to clear it before you can book; we will e-mail you.</>
        ) : (
          <>
            Questionnaire saved. It is valid until {saved.expires_at ? <LocalDate iso={saved.expires_at} /> : 'next year'}.
          </>
        )}
      </Alert>
      <Link href="/schedule" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
        Back to the schedule
      </Link>
    </div>
  );
}

export function QuestionnaireForm({ questions, consentText, renewal, defaultContact, next }: QuestionnaireFormProps) {
  const [state, formAction, pending] = useActionState(saveQuestionnaireAction, emptyFormState);
  const formRef = useFocusFirstError(state);
  const values = state.values;
  const contact = (field: 'name' | 'phone' | 'relationship') => values?.[`emergency_contact.${field}`] ?? defaultContact?.[field];
  const consentErrors = state.fields?.consent;
  // A valid questionnaire moves on (the action redirects); one to clear stays here with its outcome, not a blank form.
  if (state.data) return <SavedMessage saved={state.data} />;
  return (
    // noValidate: the server's messages are the ones shown, the same with or without JavaScript.
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-6" aria-label="Health questionnaire">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormError message={state.error} />

      <section className="flex flex-col gap-4" aria-labelledby="health-questions-heading">
        <h2 id="health-questions-heading" className="text-lg font-semibold">
          Health questions
        </h2>
        <p className="text-sm text-muted-foreground">
          Answer each question for yourself. A &ldquo;yes&rdquo; does not stop you taking part: a practitioner or an admin reviews it and clears you
          to book.
        </p>
        {questions.map((q) => (
          <YesNoQuestion key={q.id} id={q.id} text={q.text} errors={state.fields?.[`answers.${q.id}`]} value={values?.[`answers.${q.id}`]} />
        ))}
      </section>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Emergency contact</legend>
        <FormField
          id="ec-name"
          name="emergency_contact.name"
          label="Contact name"
          autoComplete="off"
          required
          maxLength={100}
          defaultValue={contact('name')}
          errors={state.fields?.['emergency_contact.name']}
        />
        <FormField
          id="ec-phone"
          name="emergency_contact.phone"
          label="Contact phone"
          type="tel"
          autoComplete="off"
          required
          maxLength={30}
          defaultValue={contact('phone')}
          errors={state.fields?.['emergency_contact.phone']}
        />
        <FormField
          id="ec-relationship"
          name="emergency_contact.relationship"
          label="Relationship to you"
          hint="For example partner, parent or friend."
          autoComplete="off"
          required
          maxLength={60}
          defaultValue={contact('relationship')}
          errors={state.fields?.['emergency_contact.relationship']}
        />
      </fieldset>

      <div className="flex flex-col gap-2">
        <div className={cn('flex items-start gap-3 rounded-lg border border-border p-4', consentErrors && 'border-destructive')}>
          <input
            type="checkbox"
            id="consent"
            name="consent"
            value="yes"
            required
            defaultChecked={values?.consent === 'yes'}
            aria-invalid={consentErrors ? true : undefined}
            aria-describedby={consentErrors ? 'consent-error' : undefined}
            className="mt-0.5 size-4 shrink-0 accent-(--color-primary)"
          />
          <label htmlFor="consent" className="text-sm">
            {consentText}
          </label>
        </div>
        {consentErrors ? (
          <p id="consent-error" className="text-sm text-destructive">
            {consentErrors.join(' ')}
          </p>
        ) : null}
      </div>

      <SubmitButton pending={pending} label={renewal ? 'Renew questionnaire' : 'Save questionnaire'} pendingLabel="Saving…" />
    </form>
  );
}
