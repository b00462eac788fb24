'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/http';
import { clearQuestionnaire, clearanceInput } from '@/lib/questionnaire';

/**
 * POST /api/v1/questionnaires/:id/clear {note}, from /admin/questionnaires/[clientId]
 * and /provider/clients/[clientId]/questionnaire; clearQuestionnaire decides who may clear what.
 */
export const clearQuestionnaireAction = formAction(
  { access: 'user', schema: clearanceInput, body: (input) => ({ note: input.text('note') }), keep: ['note'], invalid: null },
  async ({ user, body, input }) => {
    await clearQuestionnaire(input.text('questionnaire_id'), user, body.note);
    revalidatePath('/admin/questionnaires', 'layout');
    revalidatePath('/provider/clients', 'layout');
    return { ok: 'Cleared for booking. The client can book now.' };
  },
);
