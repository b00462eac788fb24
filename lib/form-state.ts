/**
 * What every server action answers its form (lib/http/form-action.ts). No
 * 'server-only': client components read it and start from `emptyFormState`.
 */
export interface FormState<Data = never> {
  /** A message for the whole form. */
  error?: string;
  /** The AppError code, so a form can offer the next step (a link to the questionnaire, another time). */
  code?: string;
  /** Per-field messages, keyed by the form's input names. */
  fields?: Record<string, string[]>;
  /** What was typed (never a password), given back with an error: React resets a form after its action. */
  values?: Record<string, string>;
  /** A short confirmation, announced politely. */
  ok?: string;
  /** Set on each success, so a form can reset itself. */
  savedAt?: number;
  /** What an action gives back besides a message: a waitlist position, a new API key shown once, a confirmation to ask for. */
  data?: Data;
}

export const emptyFormState: FormState = {};
