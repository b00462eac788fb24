'use server';

import { revalidatePath } from 'next/cache';
import { formAction, type FormInput } from '@/lib/http';
import { updatePackage } from '@/lib/flows';
import { createPackage, createPackageBody, updatePackageBody } from '@/lib/packages';

/** The package form as the API's body: the price typed in the chosen currency ("60.00"), the fee in percent ("15" is 1500 bps). */
function packageBody(input: FormInput) {
  const scope = input.optional('scope') ?? 'all';
  const currency = input.text('currency');
  return {
    name: input.text('name'),
    description: input.text('description'),
    class_count: input.integer('class_count'),
    price: { amount: input.money('price', currency), currency },
    validity_days: input.integer('validity_days'),
    fee_bps: input.percent('fee_percent'),
    scope: { classes: scope, class_ids: scope === 'selected' ? input.all('class_ids') : [], session_type_ids: input.all('session_type_ids') },
  };
}

const packageForm = {
  access: ['admin'],
  body: packageBody,
  // API field paths as the form names its inputs, so each message sits next to its field.
  fieldNames: { price: 'price', 'price.currency': 'currency', fee_bps: 'fee_percent', 'scope.classes': 'scope', 'scope.class_ids': 'class_ids', 'scope.session_type_ids': 'session_type_ids' },
  keep: ['name', 'description', 'class_count', 'validity_days', 'price', 'currency', 'fee_percent', 'scope'],
} as const;

function revalidatePackagePages(): void {
  revalidatePath('/admin/packages');
  revalidatePath('/packages', 'layout');
}

/** POST /api/v1/packages */
export const createPackageAction = formAction({ ...packageForm, schema: createPackageBody }, async ({ user, body }) => {
  const saved = await createPackage(body, user);
  revalidatePackagePages();
  return { ok: `Created ${saved.name}.` };
});

/** PATCH /api/v1/packages/:id with every field of the form. */
export const updatePackageAction = formAction({ ...packageForm, schema: updatePackageBody }, async ({ user, body, input }) => {
  const saved = await updatePackage(input.id('id', 'No such package.'), body, user);
  revalidatePackagePages();
  return { ok: `Saved ${saved.name}.` };
});

/** PATCH /api/v1/packages/:id {active}: retires a package (no longer on sale; credits already bought stay) or puts it back on sale. */
export const setPackageActiveAction = formAction(
  { access: ['admin'], schema: updatePackageBody, body: (input) => ({ active: input.text('active') === 'true' }) },
  async ({ user, body, input }) => {
    const saved = await updatePackage(input.id('id', 'No such package.'), body, user);
    revalidatePackagePages();
    return { ok: body.active ? `${saved.name} is on sale again.` : `${saved.name} is retired.` };
  },
);
