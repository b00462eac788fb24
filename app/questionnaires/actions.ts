'use server';

import { revalidatePath } from 'next/cache';
import { getCurrentUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/http/errors';
import { clearQuestionnaire } from '@/lib/questionnaire/clearance';

// Shared by /admin/questionnaires/[clientId] and /provider/clients/[clientId]/questionnaire;
// clearQuestionnaire decides who may clear what.

export interface ClearanceFormState {
  error?: string;
  fields?: Record<string, string[]>;
  values?: Record<string, string>;
  cleared?: boolean;
}

export async function clearQuestionnaireAction(_prev: ClearanceFormState, form: FormData): Promise<ClearanceFormState> {
  const user = await getCurrentUser();
  if (!user) return { error: 'Your session has ended. Sign in again to clear this questionnaire.' };
  const id = form.get('questionnaire_id');
  const rawNote = form.get('note');
  const note = typeof rawNote === 'string' ? rawNote : '';
  try {
    await clearQuestionnaire(typeof id === 'string' ? id : '', user, note);
  } catch (err) {
    if (isAppError(err)) return err.fields ? { fields: err.fields, values: { note } } : { error: err.message, values: { note } };
    throw err;
  }
  revalidatePath('/admin/questionnaires', 'layout');
  revalidatePath('/provider/clients', 'layout');
  return { cleared: true };
}
