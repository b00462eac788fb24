import { apiRoute } from '@/lib/http';
import { questionnaireInput, readOwnAnswers, questionnaireStatus, submitQuestionnaire } from '@/lib/questionnaire';

// GET /api/v1/questionnaire -> the client's status, with their own current answers and emergency contact
export const GET = apiRoute({ access: ['client'] }, async ({ user }) => {
  const [status, own] = await Promise.all([questionnaireStatus(user.id), readOwnAnswers(user.id)]);
  return { ...status, answers: own?.answers ?? null, emergency_contact: own?.emergency_contact ?? null };
});

// PUT /api/v1/questionnaire {answers, emergency_contact, consent: true} -> 200 status (completes or renews)
export const PUT = apiRoute({ access: ['client'], body: questionnaireInput }, async ({ user, body }) => submitQuestionnaire(user.id, body));
