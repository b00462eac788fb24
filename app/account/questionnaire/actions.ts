'use server';

import { revalidatePath } from 'next/cache';
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

/** PUT /api/v1/questionnaire: completes or renews the client's questionnaire. */
export const saveQuestionnaireAction = formAction(
  {
    access: ['client'],
    schema: questionnaireInput,
    body: questionnaireBody,
    keep: [...QUESTION_IDS.map((id) => `answers.${id}`), ...CONTACT.map((field) => `emergency_contact.${field}`), 'consent'],
    invalid: 'Please check the highlighted answers.',
  },
  async ({ user, body }) => {
    const status = await submitQuestionnaire(user.id, body);
    revalidatePath('/account', 'layout');
    return { ok: 'Questionnaire saved.', data: { state: status.state, expires_at: status.expires_at } };
  },
);
