'use server';

import { revalidatePath } from 'next/cache';
import { adjustClientCredit, grantComplimentaryCredit, adjustCreditBody, grantCreditBody } from '@/lib/credits';
import { formAction } from '@/lib/http';

const REASON = 'Give a reason: it is kept in the credit’s history.';

function revalidateCreditPages(): void {
  revalidatePath('/admin/credits', 'layout');
  revalidatePath('/account', 'layout');
}

/**
 * POST /api/v1/credits/:id/adjust {delta, reason}: adds or takes uses of one
 * credit. Taking uses away needs a second, explicit confirmation of the same
 * number (`confirm`), so a stray minus sign never removes a client's classes.
 */
export const adjustCreditAction = formAction(
  {
    access: ['admin'],
    schema: adjustCreditBody,
    body: (input) => ({ delta: input.integer('delta'), reason: input.text('reason') }),
    messages: { delta: 'Enter a whole number of classes other than 0, at most 1000 either way, like 2 or -1.', reason: REASON },
    keep: ['delta', 'reason'],
  },
  async ({ user, body, input }) => {
    const creditId = input.id('credit_id', 'No such credit.');
    if (body.delta < 0 && input.integer('confirm') !== body.delta) return { data: { confirm: { delta: body.delta, reason: body.reason } } };
    const { credit } = await adjustClientCredit(creditId, body, user);
    revalidateCreditPages();
    const n = Math.abs(body.delta);
    return { ok: `${body.delta > 0 ? 'Added' : 'Took away'} ${n} ${n === 1 ? 'class' : 'classes'}; ${credit.remaining_classes} left.` };
  },
);

/** POST /api/v1/clients/:id/credits: a complimentary credit, optionally named and scoped after a package. */
export const grantCreditAction = formAction(
  {
    access: ['admin'],
    schema: grantCreditBody,
    body: (input) => ({ uses: input.integer('uses'), validity_days: input.integer('validity_days'), reason: input.text('reason'), package_id: input.optional('package_id') }),
    messages: {
      uses: 'Enter how many classes, from 1 to 1000.',
      validity_days: 'Enter how many days, from 1 to 3650 (10 years).',
      reason: REASON,
      package_id: 'Choose a package from the list.',
    },
    keep: ['uses', 'validity_days', 'reason', 'package_id'],
  },
  async ({ user, body, input }) => {
    const credit = await grantComplimentaryCredit(
      input.id('client_id', 'No such client.'),
      { uses: body.uses, validityDays: body.validity_days, reason: body.reason, packageId: body.package_id },
      user,
    );
    revalidateCreditPages();
    return { ok: `Granted ${credit.package_name}: ${credit.total_classes} ${credit.total_classes === 1 ? 'class' : 'classes'}.` };
  },
);
