import 'server-only';
import { z } from 'zod';
import { QUESTION_IDS, QUESTIONS, type QuestionId } from './questions';

const answer = z.boolean({ error: 'Answer yes or no.' });

// Every question of the current set must be answered, and nothing else may be sent.
const answersShape = Object.fromEntries(QUESTION_IDS.map((id) => [id, answer])) as Record<QuestionId, typeof answer>;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.`, abort: true })
    .max(max, { error: `${label} must be at most ${max} characters.`, abort: true });

export const emergencyContactInput = z.strictObject({
  name: text('Name', 100),
  // Digits with the usual separators and an optional leading +; at least 6 digits.
  phone: text('Phone', 30)
    .regex(/^\+?[0-9 ()./-]+$/, { error: 'Enter a phone number using digits, spaces and + ( ) - only.', abort: true })
    .refine((v) => v.replace(/\D/g, '').length >= 6, 'Enter a phone number with at least 6 digits.'),
  relationship: text('Relationship', 60),
});

/** PUT /api/v1/questionnaire and the questionnaire form. */
export const questionnaireInput = z.strictObject({
  // One yes/no per question id of the current set (see GET /api/v1/questionnaire/questions).
  answers: z.strictObject(answersShape, { error: 'Answer every question.' }),
  emergency_contact: emergencyContactInput,
  // The client ticks the consent box; anything but true is refused.
  consent: z.literal(true, { error: 'Tick the box to confirm your answers and give your consent.' }),
});

export type QuestionnaireInput = z.output<typeof questionnaireInput>;
export type Answers = QuestionnaireInput['answers'];
export type EmergencyContact = z.output<typeof emergencyContactInput>;

/** POST /api/v1/questionnaires/:id/clear */
export const clearanceInput = z.strictObject({
  // Why the client may book: who cleared it and on what basis. Stored encrypted.
  note: text('Note', 1000),
});

export function hasMedicalYes(answers: Answers): boolean {
  return QUESTIONS.some((q) => q.medical && answers[q.id]);
}
