'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth';
import { formAction, type FormInput } from '@/lib/http';
import { questionnaireInput, QUESTION_IDS, submitQuestionnaire } from '@/lib/questionnaire';

const CONTACT = ['name', 'phone', 'relationship'] as const;

function yesNo(value: string): boolean | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}

/** The form's inputs are named after the API's field paths (answers.<id>, emergency_contact.<field>, consent). */
function questionnaireBody(input: FormInput) {
  return {
    answers: Object.fromEntries(QUESTION_IDS.map((id) => [id, yesNo(input.text(`answers.${id}`))])),
    emergency_contact: Object.fromEntries(CONTACT.map((field) => [field, input.text(`emergency_contact.${field}`)])),
    consent: input.text('consent') === 'yes',
  };
}

/** Where the booking page asked to be sent back: same-site relative paths only (no whitespace a browser would drop), never this page again. */
function nextPath(raw: string): string | null {
  const path = safeCallbackPath(raw, '');
  if (!path || /[\s\\]/.test(path) || path.length > 500 || path.startsWith('/account/questionnaire')) return null;
  return path;
}

/** PUT /api/v1/questionnaire: completes or renews the client's questionnaire. */
export const saveQuestionnaireAction = formAction(
  {
    access: ['client'],
    schema: questionnaireInput,
    body: questionnaireBody,
    keep: [...QUESTION_IDS.map((id) => `answers.${id}`), ...CONTACT.map((field) => `emergency_contact.${field}`), 'consent'],
    invalid: 'Please check the highlighted answers.',
  },
  async ({ user, body, input }) => {
    const status = await submitQuestionnaire(user.id, body);
    revalidatePath('/account', 'layout');
    // A valid questionnaire sends the client on to what they were booking, else to the schedule.
    if (status.state === 'valid') redirect(nextPath(input.text('next')) ?? '/schedule?questionnaire=saved');
    return { ok: 'Questionnaire saved.', data: { state: status.state, expires_at: status.expires_at } };
  },
);
