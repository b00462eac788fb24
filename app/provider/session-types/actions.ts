'use server';

import { revalidatePath } from 'next/cache';
import { formAction, type FormInput } from '@/lib/http';
import { scheduleOwnerFor, assertMaySetFee, createSessionType, createSessionTypeInput, updateSessionType, updateSessionTypeInput } from '@/lib/schedule';

/** The form as the API's body: price and deposit typed in the chosen currency ("55.00"), sent on as minor units. */
function sessionTypeBody(input: FormInput) {
  const currency = input.text('currency');
  return {
    name: input.text('name'),
    description: input.text('description'),
    duration_minutes: input.integer('duration_minutes'),
    buffer_minutes: input.integer('buffer_minutes') ?? 0,
    price: { amount: input.money('price', currency), currency },
    // Blank removes the deposit.
    deposit_amount: input.money('deposit', currency) ?? null,
  };
}

const sessionTypeForm = {
  access: ['provider'],
  body: sessionTypeBody,
  fieldNames: { price: 'price', 'price.currency': 'currency', deposit_amount: 'deposit' },
} as const;

/** POST /api/v1/session-types */
export const createSessionTypeAction = formAction({ ...sessionTypeForm, schema: createSessionTypeInput }, async ({ user, body }) => {
  const owner = await scheduleOwnerFor(user, body.provider_id);
  assertMaySetFee(user, body);
  await createSessionType(owner.id, body);
  revalidatePath('/provider/session-types');
  return { ok: 'Session type created.' };
});

/** PATCH /api/v1/session-types/:id with every field of the form. */
export const updateSessionTypeAction = formAction({ ...sessionTypeForm, schema: updateSessionTypeInput }, async ({ user, body, input }) => {
  assertMaySetFee(user, body);
  await updateSessionType(input.text('id'), user.id, body);
  revalidatePath('/provider/session-types');
  return { ok: 'Changes saved.' };
});

/** PATCH /api/v1/session-types/:id {active}: deactivate (hidden from clients; bookings already made stay) or offer again. */
export const setSessionTypeActiveAction = formAction(
  { access: ['provider'], schema: updateSessionTypeInput, body: (input) => ({ active: input.text('active') === 'true' }) },
  async ({ user, body, input }) => {
    await updateSessionType(input.text('id'), user.id, body);
    revalidatePath('/provider/session-types');
    return { ok: body.active ? 'Offered again.' : 'Deactivated.' };
  },
);
