'use server';

import { revalidatePath } from 'next/cache';
import { updatePackage } from '@/lib/flows/packages';
import { createPackage } from '@/lib/packages/admin';
import { createPackageBody, updatePackageBody } from '@/lib/packages/api-schemas';
import { fieldErrors } from '@/lib/http/json-body';
import { actionUser, failure, integer, minorUnits, notAllowed, text, type ScheduleFormState } from '@/lib/schedule/form-actions';

/** A package form's answer; `values` gives back what was typed with an error (React resets a form after its action). */
export interface PackageFormState extends ScheduleFormState {
  values?: Record<string, string>;
}

const TEXT_FIELDS = ['name', 'description', 'class_count', 'validity_days', 'price', 'currency', 'fee_percent', 'scope'];

/** API field paths as the form names its inputs, so each message sits next to its field. */
const FORM_FIELDS: Record<string, string> = {
  'price.amount': 'price',
  price: 'price',
  'price.currency': 'currency',
  fee_bps: 'fee_percent',
  'scope.classes': 'scope',
  'scope.class_ids': 'class_ids',
  'scope.session_type_ids': 'session_type_ids',
};

function toFormFields(fields: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) {
    const name = FORM_FIELDS[key] ?? (key.startsWith('scope.class_ids') ? 'class_ids' : key.startsWith('scope.session_type_ids') ? 'session_type_ids' : key);
    (out[name] ??= []).push(...messages);
  }
  return out;
}

const ids = (form: FormData, key: string) => form.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '');

/** The form as the package API's body: the price typed in major units ("60.00"), the fee in percent ("15" is 1500 bps). */
function bodyFrom(form: FormData) {
  const scope = text(form, 'scope') || 'all';
  const fee = minorUnits(form, 'fee_percent');
  return {
    name: text(form, 'name'),
    description: text(form, 'description'),
    class_count: integer(form, 'class_count'),
    price: { amount: minorUnits(form, 'price'), currency: text(form, 'currency') },
    validity_days: integer(form, 'validity_days'),
    ...(fee !== undefined && { fee_bps: fee }),
    scope: { classes: scope, class_ids: scope === 'selected' ? ids(form, 'class_ids') : [], session_type_ids: ids(form, 'session_type_ids') },
  };
}

function revalidatePackagePages(): void {
  revalidatePath('/admin/packages');
  revalidatePath('/packages', 'layout');
}

/** Creates a package, or (with `id`) saves changes to one; the same rules as POST and PATCH /api/v1/packages. */
export async function savePackageAction(_prev: PackageFormState, form: FormData): Promise<PackageFormState> {
  const admin = await actionUser(['admin']);
  if (!admin) return notAllowed;
  const id = text(form, 'id');
  const body = bodyFrom(form);
  const values = Object.fromEntries(TEXT_FIELDS.map((k) => [k, text(form, k)]));
  const parsed = id ? updatePackageBody.safeParse(body) : createPackageBody.safeParse(body);
  if (!parsed.success) return { error: 'Please fix the fields marked below.', fields: toFormFields(fieldErrors(parsed.error)), values };
  try {
    const saved = id ? await updatePackage(id, updatePackageBody.parse(body), admin) : await createPackage(createPackageBody.parse(body), admin);
    revalidatePackagePages();
    return { ok: id ? `Saved ${saved.name}.` : `Created ${saved.name}.`, savedAt: Date.now() };
  } catch (err) {
    return { ...failure(err, FORM_FIELDS), values };
  }
}

/** Retires a package (no longer on sale; credits already bought stay) or puts it back on sale. */
export async function setPackageActiveAction(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const admin = await actionUser(['admin']);
  if (!admin) return notAllowed;
  const active = text(form, 'active') === 'true';
  try {
    const saved = await updatePackage(text(form, 'id'), { active }, admin);
    revalidatePackagePages();
    return { ok: active ? `${saved.name} is on sale again.` : `${saved.name} is retired.`, savedAt: Date.now() };
  } catch (err) {
    return failure(err);
  }
}
