import { z } from 'zod';
import type { questionSet, QuestionnaireList, QuestionnaireView, QuestionnaireStatus } from '@/lib/questionnaire';
import { covers, describes } from '../registry';
import { id, instant } from './common';

const state = z.enum(['missing', 'expired', 'needs_clearance', 'valid']);

export const questionnaireStatus = describes<QuestionnaireStatus>()(
  z.object({
    id: id.nullable().describe('The current questionnaire, for clearing it; null when there is none.'),
    state,
    completed_at: instant.nullable(),
    expires_at: instant.nullable().describe('365 days after completion.'),
    valid_for_booking: z.boolean(),
    requires_clearance: z.boolean().describe('A "yes" to a medical question: an admin or one of the client\'s providers must clear it.'),
    cleared_at: instant.nullable(),
    due_for_renewal: z.boolean().describe('Within 30 days of expiry, or expired.'),
    days_until_expiry: z.int().nullable(),
  }),
);

const answers = z.record(z.string(), z.boolean()).describe('Question id -> yes (true) or no (false).');
const emergencyContact = z.object({ name: z.string(), phone: z.string(), relationship: z.string() });

export const ownQuestionnaire = z.object({
  ...questionnaireStatus.shape,
  answers: answers.nullable(),
  emergency_contact: emergencyContact.nullable(),
});

export const questionSetSchema = covers<ReturnType<typeof questionSet>>()(
  z.object({
    version: z.int(),
    questions: z.array(z.object({ id: z.string(), text: z.string(), medical: z.boolean().describe('A "yes" needs clearance before booking.') })),
    emergency_contact_fields: z.array(z.object({ id: z.string(), label: z.string(), max_length: z.int(), required: z.boolean() })),
    consent_text: z.string(),
  }),
);

export const questionnaireList = describes<QuestionnaireList>()(
  z.object({
    questionnaires: z.array(
      z.object({
        id,
        client: z.object({ id, name: z.string(), email: z.string() }),
        completed_at: instant,
        expires_at: instant,
        requires_clearance: z.boolean(),
        cleared_at: instant.nullable(),
        state,
      }),
    ),
    total: z.int(),
    page: z.int(),
    page_size: z.int(),
  }),
);

export const questionnaireView = describes<QuestionnaireView>()(
  z.object({
    client: z.object({ id, name: z.string(), email: z.string() }),
    status: questionnaireStatus,
    current: z
      .object({
        id,
        question_set_version: z.int(),
        completed_at: instant,
        expires_at: instant,
        answers,
        emergency_contact: emergencyContact,
        consent_text: z.string(),
        requires_clearance: z.boolean(),
        cleared_at: instant.nullable(),
        cleared_by: z.object({ id, name: z.string() }).nullable(),
        clearance_note: z.string().nullable(),
      })
      .nullable()
      .describe('Decrypted answers; null when the client has none.'),
    history: z
      .array(
        z.object({
          id,
          completed_at: instant,
          expires_at: instant,
          superseded_at: instant.nullable(),
          requires_clearance: z.boolean(),
          cleared_at: instant.nullable(),
        }),
      )
      .describe('Every questionnaire the client completed, newest first; dates only.'),
  }),
);

export const questionnaireSchemas = {
  QuestionnaireStatus: questionnaireStatus,
  OwnQuestionnaire: ownQuestionnaire,
  QuestionSet: questionSetSchema,
  QuestionnaireList: questionnaireList,
  QuestionnaireView: questionnaireView,
};
