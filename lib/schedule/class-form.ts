import 'server-only';
import { AppError } from '@/lib/http/errors';
import type { PublicUser } from '@/lib/users/public-user';
import { createClasses, createClassesInput } from './classes';
import { validationError } from '@/lib/http/fields';
import { integer, minorUnits, text } from './form-actions';
import { findProvider } from './providers';
import { parseLocalTime, resolveLocalTime } from './windows';

/**
 * The "Schedule a class" form: date and time are typed in the practitioner's
 * own zone and turned into an instant here; then the same createClasses as the API.
 */
export async function createClassesFromForm(form: FormData, user: PublicUser): Promise<number> {
  const providerId = user.role === 'admin' ? text(form, 'provider_id') : user.id;
  if (!providerId) throw new AppError('validation_failed', 'Choose the practitioner.', { fields: { provider_id: ['Choose the practitioner.'] } });
  const provider = await findProvider(providerId);
  if (!provider) throw new AppError('validation_failed', 'Choose the practitioner.', { fields: { provider_id: ['Choose a practitioner from the list.'] } });

  const date = text(form, 'date');
  const minutes = parseLocalTime(text(form, 'time'));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fieldError('date', 'Enter the date.');
  if (minutes === null) throw fieldError('time', 'Enter the start time, like 09:30.');
  const startsAt = resolveLocalTime(date, minutes, provider.time_zone);
  if (!startsAt) throw fieldError('time', `That time does not exist on that day in ${provider.time_zone} (the clocks go forward).`);

  const weeks = integer(form, 'weeks');
  const onlineUrl = text(form, 'online_url');
  const location = text(form, 'location');
  const parsed = createClassesInput.safeParse({
    title: text(form, 'title'),
    description: text(form, 'description'),
    provider_id: providerId,
    starts_at: startsAt.toISOString(),
    duration_minutes: integer(form, 'duration_minutes'),
    capacity: integer(form, 'capacity'),
    price: { amount: minorUnits(form, 'price'), currency: text(form, 'currency') || undefined },
    location: location || null,
    online_url: onlineUrl || null,
    ...(weeks !== undefined && weeks !== 1 ? { repeat: { weeks } } : {}),
  });
  if (!parsed.success) throw validationError(parsed.error);
  return (await createClasses(parsed.data, user)).length;
}

function fieldError(field: string, message: string): AppError {
  return new AppError('validation_failed', 'Please fix the fields marked below.', { fields: { [field]: [message] } });
}

/** Form names for the API's field paths. */
export const classFormFieldNames: Record<string, string> = {
  'price.amount': 'price',
  'price.currency': 'currency',
  'repeat.weeks': 'weeks',
  starts_at: 'date',
};
