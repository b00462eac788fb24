import type { ScheduleFormState } from '@/lib/schedule/form-actions';

/** What an admin credit form's action answers; `confirm` asks for a second click before uses are taken away. */
export interface CreditFormState extends ScheduleFormState {
  confirm?: { delta: number; reason: string };
  /** What was typed, given back with an error: React resets a form after its action, and nothing typed should be lost. */
  values?: Record<string, string>;
}

export const emptyCreditFormState: CreditFormState = {};
