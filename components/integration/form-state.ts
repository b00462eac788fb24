import type { BookingFormState } from '@/components/bookings/form-state';

/** What the API-key forms' actions answer; `newKey` is the full key, present once, right after it is made. */
export interface ApiKeyFormState extends BookingFormState {
  newKey?: string;
}

export const emptyApiKeyFormState: ApiKeyFormState = {};
