/** What a booking form's server action answers: a message to show (with the AppError code), or success. */
export interface BookingFormState {
  error?: string;
  /** The AppError code, so a form can add a next step (e.g. a link to the questionnaire). */
  code?: string;
  fields?: Record<string, string[]>;
  /** A short confirmation, announced politely. */
  ok?: string;
  /** Place in the queue after joining a waitlist. */
  position?: number;
}

export const emptyFormState: BookingFormState = {};
