import 'server-only';
import { AppError } from '@/lib/errors';
import type { FormInput } from '@/lib/http';
import type { PublicUser } from '@/lib/users';
import { findProvider } from './providers';
import { parseLocalTime, resolveLocalTime } from './windows';

/**
 * The "Schedule a class" form as the body of POST /api/v1/classes: date and
 * time are typed in the practitioner's own zone and turned into an instant
 * here, the price in the currency chosen beside it. An admin chooses the
 * practitioner; a practitioner schedules their own.
 */
export async function classFormBody(input: FormInput, user: PublicUser) {
  const providerId = user.role === 'admin' ? input.text('provider_id') : user.id;
  if (!providerId) throw fieldError('provider_id', 'Choose the practitioner.');
  const provider = await findProvider(providerId);
  if (!provider) throw fieldError('provider_id', 'Choose a practitioner from the list.');

  const weeks = input.integer('weeks');
  return {
    ...classFields(input, provider.time_zone),
    provider_id: providerId,
    ...(weeks !== undefined && weeks !== 1 ? { repeat: { weeks } } : {}),
  };
}

/**
 * The "Edit class" form as the body of PATCH /api/v1/classes/:id, the time in
 * the class's practitioner's zone. The price is left out when the form has no
 * price input (it is locked once someone has paid).
 */
export function classEditFormBody(input: FormInput, timeZone: string) {
  const { price, ...fields } = classFields(input, timeZone);
  return input.has('price') ? { ...fields, price } : fields;
}

/** The fields both class forms share; date and time are the practitioner's local time. */
function classFields(input: FormInput, timeZone: string) {
  const date = input.text('date').trim();
  const minutes = parseLocalTime(input.text('time').trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fieldError('date', 'Enter the date.');
  if (minutes === null) throw fieldError('time', 'Enter the start time, like 09:30.');
  const startsAt = resolveLocalTime(date, minutes, timeZone);
  if (!startsAt) throw fieldError('time', `That time does not exist on that day in ${timeZone} (the clocks go forward).`);
  const currency = input.text('currency');
  return {
    title: input.text('title'),
    description: input.text('description'),
    starts_at: startsAt.toISOString(),
    duration_minutes: input.integer('duration_minutes'),
    capacity: input.integer('capacity'),
    price: { amount: input.money('price', currency), currency },
    location: input.optional('location') ?? null,
    online_url: input.optional('online_url') ?? null,
  };
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
