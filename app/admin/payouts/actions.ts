'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createPayoutsBody } from '@/lib/earnings';
import { createPayouts } from '@/lib/flows';
import { formAction } from '@/lib/http';

/**
 * POST /api/v1/payouts {provider_id?, method, reference?} (admins): one provider's available earnings, or every
 * provider's; by Stripe transfer or recorded as paid by hand. One payout made opens its statement.
 */
export const createPayoutsAction = formAction(
  {
    access: ['admin'],
    schema: createPayoutsBody,
    body: (input) => ({ provider_id: input.optional('provider_id'), method: input.text('method'), reference: input.optional('reference') }),
    keep: ['reference'],
  },
  async ({ user, body }) => {
    const made = await createPayouts(user, body);
    revalidatePath('/admin/payouts', 'layout');
    revalidatePath('/provider', 'layout');
    if (made.length === 0) return { error: 'There was nothing to pay: no available earnings that can be paid this way.' };
    if (made.length === 1 && made[0]) redirect(`/admin/payouts/${made[0].id}`);
    redirect(`/admin/payouts?paid=${made.length}`);
  },
);
