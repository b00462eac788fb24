'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { CreditFormState } from '@/components/credits/form-state';
import { adjustClientCredit, grantComplimentaryCredit } from '@/lib/credits/admin';
import { fieldErrors } from '@/lib/http/json-body';
import { actionUser, failure, integer, notAllowed, text } from '@/lib/schedule/form-actions';

const MAX_REASON = 500;
const reason = z.string().min(1, 'Give a reason: it is kept in the credit’s history.').max(MAX_REASON, `At most ${MAX_REASON} characters.`);

const adjustInput = z.object({
  credit_id: z.uuid('No such credit.'),
  delta: z
    .number('Enter a whole number of classes, like 2 or -1.')
    .int('Enter a whole number of classes.')
    .min(-1000, 'At most 1000 at a time.')
    .max(1000, 'At most 1000 at a time.')
    .refine((n) => n !== 0, 'Enter a number other than 0.'),
  reason,
  confirm: z.number().optional(),
});

const grantInput = z.object({
  client_id: z.uuid('No such client.'),
  uses: z.number('Enter how many classes, like 5.').int('Enter a whole number of classes.').min(1, 'At least 1 class.').max(1000, 'At most 1000 classes.'),
  validity_days: z.number('Enter how many days, like 90.').int('Enter a whole number of days.').min(1, 'At least 1 day.').max(3650, 'At most 3650 days (10 years).'),
  reason,
  package_id: z.uuid('Choose a package from the list.').optional(),
});

function revalidateCreditPages(): void {
  revalidatePath('/admin/credits', 'layout');
  revalidatePath('/account', 'layout');
}

/**
 * Adds or takes uses of one credit, with a required reason. Taking uses away
 * needs a second, explicit confirmation of the same number (`confirm`), so a
 * stray minus sign never removes a client's classes.
 */
export async function adjustCreditAction(_prev: CreditFormState, form: FormData): Promise<CreditFormState> {
  const admin = await actionUser(['admin']);
  if (!admin) return notAllowed;
  const values = { delta: text(form, 'delta'), reason: text(form, 'reason') };
  const parsed = adjustInput.safeParse({ credit_id: text(form, 'credit_id'), delta: integer(form, 'delta'), reason: values.reason, confirm: integer(form, 'confirm') });
  if (!parsed.success) return { error: 'Please fix the fields marked below.', fields: fieldErrors(parsed.error), values };
  const input = parsed.data;
  if (input.delta < 0 && input.confirm !== input.delta) return { confirm: { delta: input.delta, reason: input.reason }, values };
  try {
    const { credit } = await adjustClientCredit(input.credit_id, { delta: input.delta, reason: input.reason }, admin);
    revalidateCreditPages();
    const n = Math.abs(input.delta);
    return { ok: `${input.delta > 0 ? 'Added' : 'Took away'} ${n} ${n === 1 ? 'class' : 'classes'}; ${credit.remaining_classes} left.`, savedAt: Date.now() };
  } catch (err) {
    return { ...failure(err), values };
  }
}

/** A complimentary credit for a client: uses, validity, a reason, and optionally the package it is named and scoped after. */
export async function grantCreditAction(_prev: CreditFormState, form: FormData): Promise<CreditFormState> {
  const admin = await actionUser(['admin']);
  if (!admin) return notAllowed;
  const values = { uses: text(form, 'uses'), validity_days: text(form, 'validity_days'), reason: text(form, 'reason'), package_id: text(form, 'package_id') };
  const parsed = grantInput.safeParse({
    client_id: text(form, 'client_id'),
    uses: integer(form, 'uses'),
    validity_days: integer(form, 'validity_days'),
    reason: values.reason,
    package_id: values.package_id || undefined,
  });
  if (!parsed.success) return { error: 'Please fix the fields marked below.', fields: fieldErrors(parsed.error), values };
  const input = parsed.data;
  try {
    const credit = await grantComplimentaryCredit(input.client_id, { uses: input.uses, validityDays: input.validity_days, reason: input.reason, packageId: input.package_id }, admin);
    revalidateCreditPages();
    return { ok: `Granted ${credit.package_name}: ${credit.total_classes} ${credit.total_classes === 1 ? 'class' : 'classes'}.`, savedAt: Date.now() };
  } catch (err) {
    return { ...failure(err), values };
  }
}
