'use server';

import { revalidatePath } from 'next/cache';
import { validationError } from '@/lib/http/fields';
import { actionUser, failure, integer, minorUnits, notAllowed, text, type ScheduleFormState } from '@/lib/schedule/form-actions';
import { createSessionType, createSessionTypeInput, updateSessionType, updateSessionTypeInput } from '@/lib/schedule/session-types';

// Form names: price and deposit are typed in major units ("55.00") and sent on as minor units.
const rename = { 'price.amount': 'price', 'price.currency': 'currency', deposit_amount: 'deposit' };

function fromForm(form: FormData) {
  const deposit = minorUnits(form, 'deposit');
  return {
    name: text(form, 'name'),
    description: text(form, 'description'),
    duration_minutes: integer(form, 'duration_minutes'),
    buffer_minutes: integer(form, 'buffer_minutes') ?? 0,
    price: { amount: minorUnits(form, 'price'), currency: text(form, 'currency') || undefined },
    deposit_amount: deposit === undefined ? null : deposit,
  };
}

export async function createSessionTypeAction(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const user = await actionUser(['provider']);
  if (!user) return notAllowed;
  try {
    const parsed = createSessionTypeInput.safeParse(fromForm(form));
    if (!parsed.success) throw validationError(parsed.error);
    await createSessionType(user.id, parsed.data);
  } catch (err) {
    return failure(err, rename);
  }
  revalidatePath('/provider/session-types');
  return { ok: 'Session type created.', savedAt: Date.now() };
}

export async function updateSessionTypeAction(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const user = await actionUser(['provider']);
  if (!user) return notAllowed;
  try {
    const parsed = updateSessionTypeInput.safeParse(fromForm(form));
    if (!parsed.success) throw validationError(parsed.error);
    await updateSessionType(text(form, 'id'), user.id, parsed.data);
  } catch (err) {
    return failure(err, rename);
  }
  revalidatePath('/provider/session-types');
  return { ok: 'Changes saved.', savedAt: Date.now() };
}

/** Deactivate (hidden from clients; bookings already made stay) or offer again. */
export async function setSessionTypeActiveAction(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const user = await actionUser(['provider']);
  if (!user) return notAllowed;
  const active = text(form, 'active') === 'true';
  try {
    await updateSessionType(text(form, 'id'), user.id, { active });
  } catch (err) {
    return failure(err);
  }
  revalidatePath('/provider/session-types');
  return { ok: active ? 'Offered again.' : 'Deactivated.', savedAt: Date.now() };
}
