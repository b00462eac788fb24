import 'server-only';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { questionnaireStatus, type Executor } from './status';

export type BookingEligibility = 'ok' | 'questionnaire_required' | 'questionnaire_needs_clearance';

/** PRODUCT.md: booking needs a questionnaire valid at `at`, cleared if it was flagged. */
export async function bookingEligibility(clientId: string, at: Date = now(), db: Executor = getDb()): Promise<BookingEligibility> {
  const status = await questionnaireStatus(clientId, at, db);
  switch (status.state) {
    case 'missing':
    case 'expired':
      return 'questionnaire_required';
    case 'needs_clearance':
      return 'questionnaire_needs_clearance';
    case 'valid':
      return 'ok';
  }
}

/** Throws the 422 the booking API answers with when the client may not book yet. */
export async function assertCanBook(clientId: string, at: Date = now(), db: Executor = getDb()): Promise<void> {
  const eligibility = await bookingEligibility(clientId, at, db);
  if (eligibility === 'questionnaire_required') {
    throw new AppError(
      'questionnaire_required',
      'Complete your health questionnaire before booking. It is valid for a year; if yours has expired, renew it.',
    );
  }
  if (eligibility === 'questionnaire_needs_clearance') {
    throw new AppError(
      'questionnaire_needs_clearance',
      'Your health questionnaire needs to be cleared by a practitioner or an admin before you can book.',
    );
  }
}
