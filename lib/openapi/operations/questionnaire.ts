import { listQuestionnairesQuery, clearanceInput, questionnaireInput } from '@/lib/questionnaire';
import { apiModule } from '../registry';
import { ownQuestionnaire, questionnaireList, questionnaireSchemas, questionnaireStatus, questionSetSchema, questionnaireView } from '../responses/questionnaire';

export const questionnaireApi = apiModule({
  tags: [
    {
      name: 'Questionnaire',
      description:
        'The health questionnaire a client needs to book: valid 365 days; a "yes" to a medical question must be cleared by an admin or one of the client\'s providers. ' +
        'Answers are visible only to the client, admins and the client\'s providers.',
    },
  ],
  schemas: questionnaireSchemas,
  operations: [
    {
      method: 'get',
      path: '/api/v1/questionnaire/questions',
      operationId: 'getQuestions',
      summary: 'The questions',
      description: 'No secret: a client can read them before signing up.',
      access: 'public',
      response: { status: 200, description: 'The current question set.', schema: questionSetSchema },
    },
    {
      method: 'get',
      path: '/api/v1/questionnaire',
      operationId: 'getOwnQuestionnaire',
      summary: 'The client\'s questionnaire status',
      description: 'With the client\'s own current answers and emergency contact (null before the first submission).',
      access: ['client'],
      response: { status: 200, description: 'Status and answers.', schema: ownQuestionnaire },
    },
    {
      method: 'put',
      path: '/api/v1/questionnaire',
      operationId: 'submitQuestionnaire',
      summary: 'Submit or renew the questionnaire',
      description: 'Replaces the current questionnaire (kept in the history) and starts a new 365 days.',
      access: ['client'],
      body: questionnaireInput,
      fields: {
        answers: 'One yes (true) or no (false) per question id of GET /api/v1/questionnaire/questions; every one, nothing else.',
        consent: 'The client ticked the consent box; anything but true is refused.',
      },
      response: { status: 200, description: 'The new status.', schema: questionnaireStatus },
    },
    {
      method: 'get',
      path: '/api/v1/questionnaires',
      operationId: 'listQuestionnaires',
      summary: 'Clients\' questionnaires',
      description: 'Admins see everyone\'s; providers their clients\'. Oldest first, so the longest wait is on top. No answers in the list.',
      access: ['admin', 'provider'],
      query: listQuestionnairesQuery,
      fields: { state: 'Which current questionnaires: awaiting clearance (the default), valid, expired or all.' },
      response: { status: 200, description: 'One page of questionnaires.', schema: questionnaireList },
    },
    {
      method: 'post',
      path: '/api/v1/questionnaires/{id}/clear',
      operationId: 'clearQuestionnaire',
      summary: 'Clear a flagged questionnaire',
      description:
        'By an admin or a provider the client has booked with, with a note saying why the client may book (stored encrypted). ' +
        'Anyone else gets a 404; the client themself a 403.',
      access: 'user',
      params: { id: 'The questionnaire id (`id` of the client\'s status).' },
      body: clearanceInput,
      response: { status: 200, description: 'The client\'s status after clearing.', schema: questionnaireStatus },
      errors: ['forbidden', 'conflict'],
    },
    {
      method: 'get',
      path: '/api/v1/clients/{id}/questionnaire',
      operationId: 'getClientQuestionnaire',
      summary: 'A client\'s questionnaire, with answers',
      description: 'For admins, the client\'s providers and the client; a 404 for anyone else.',
      access: 'user',
      params: { id: 'The client\'s user id.' },
      response: { status: 200, description: 'Status, decrypted current answers and the history (dates only).', schema: questionnaireView },
    },
  ],
});
