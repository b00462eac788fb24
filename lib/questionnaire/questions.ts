import 'server-only';

/**
 * The health questions (PAR-Q style, in our own words). A "yes" to any
 * medical question flags the questionnaire for clearance (PRODUCT.md).
 * Changing a question's meaning means a new QUESTION_SET_VERSION.
 */
export const QUESTION_SET_VERSION = 1;

export interface Question {
  id: string;
  text: string;
  /** A "yes" needs clearance by an admin or the client's provider before booking. */
  medical: boolean;
}

export const QUESTIONS = [
  { id: 'heart_condition', text: 'Has a doctor ever told you that you have a heart condition or high blood pressure?', medical: true },
  { id: 'chest_pain', text: 'Do you feel pain in your chest at rest, during everyday activities or when you exercise?', medical: true },
  {
    id: 'dizziness',
    text: 'In the past 12 months, have you lost your balance because of dizziness, or lost consciousness?',
    medical: true,
  },
  {
    id: 'chronic_condition',
    text: 'Have you been diagnosed with another long-term (chronic) medical condition, other than heart disease or high blood pressure?',
    medical: true,
  },
  { id: 'medication', text: 'Are you currently taking prescribed medication for a long-term medical condition?', medical: true },
  {
    id: 'bone_joint',
    text: 'Do you have a bone, joint or soft-tissue (muscle, ligament or tendon) problem that could get worse if you became more active?',
    medical: true,
  },
  {
    id: 'supervised_activity',
    text: 'Has a doctor ever said that you should only do physical activity under medical supervision?',
    medical: true,
  },
] as const satisfies readonly Question[];

export type QuestionId = (typeof QUESTIONS)[number]['id'];

export const QUESTION_IDS: readonly QuestionId[] = QUESTIONS.map((q) => q.id);

export const EMERGENCY_CONTACT_FIELDS = [
  { id: 'name', label: 'Name', max_length: 100 },
  { id: 'phone', label: 'Phone', max_length: 30 },
  { id: 'relationship', label: 'Relationship', max_length: 60 },
] as const;

/** Stored with the answers, so we can show what exactly the client agreed to. */
export const CONSENT_TEXT =
  'I confirm these answers are true and consent to my answers being stored securely and shared only with the practitioners I book and the administrators who clear health questionnaires.';

/** What clients need to fill in the form, for the API and the page. */
export function questionSet() {
  return {
    version: QUESTION_SET_VERSION,
    questions: QUESTIONS.map((q) => ({ id: q.id, text: q.text, medical: q.medical })),
    emergency_contact_fields: EMERGENCY_CONTACT_FIELDS.map((f) => ({ ...f, required: true })),
    consent_text: CONSENT_TEXT,
  };
}

export function questionText(id: string): string {
  return QUESTIONS.find((q) => q.id === id)?.text ?? id;
}
