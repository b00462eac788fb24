import type { ScheduleFormState } from '@/lib/schedule/form-actions';

/** What an admin credit form's action answers; `confirm` asks for a second click before uses are taken away. */
export interface CreditFormState extends ScheduleFormState {
  confirm?: { delta: number; reason: string };
}

export const emptyCreditFormState: CreditFormState = {};
