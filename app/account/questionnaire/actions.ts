'use server';

import { revalidatePath } from 'next/cache';
import { getCurrentUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/http/errors';
import { QUESTION_IDS } from '@/lib/questionnaire/questions';
import { submitQuestionnaire } from '@/lib/questionnaire/submit';

export interface QuestionnaireFormState {
  error?: string;
  /** Per-field messages, keyed by input name (answers.<id>, emergency_contact.<field>, consent). */
  fields?: Record<string, string[]>;
  /** What was entered, to refill the form after an error. */
  values?: Record<string, string>;
  /** Set after a successful save. */
  saved?: { state: string; expires_at: string | null };
}

function text(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
}

function yesNo(value: string): boolean | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}

export async function saveQuestionnaireAction(_prev: QuestionnaireFormState, form: FormData): Promise<QuestionnaireFormState> {
  const user = await getCurrentUser();
  if (!user || user.role !== 'client') return { error: 'Sign in with your client account to save your questionnaire.' };

  const values: Record<string, string> = {};
  for (const key of [...QUESTION_IDS.map((id) => `answers.${id}`), 'emergency_contact.name', 'emergency_contact.phone', 'emergency_contact.relationship', 'consent']) {
    values[key] = text(form, key);
  }
  const input = {
    answers: Object.fromEntries(QUESTION_IDS.map((id) => [id, yesNo(text(form, `answers.${id}`))])),
    emergency_contact: {
      name: text(form, 'emergency_contact.name'),
      phone: text(form, 'emergency_contact.phone'),
      relationship: text(form, 'emergency_contact.relationship'),
    },
    consent: text(form, 'consent') === 'yes',
  };
  try {
    const status = await submitQuestionnaire(user.id, input);
    revalidatePath('/account', 'layout');
    return { saved: { state: status.state, expires_at: status.expires_at } };
  } catch (err) {
    if (isAppError(err)) return err.fields ? { error: 'Please check the highlighted answers.', fields: err.fields, values } : { error: err.message, values };
    throw err;
  }
}
