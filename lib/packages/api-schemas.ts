import { z } from 'zod';
import { priceProblem } from '@/lib/money';
import { uuidField } from '@/lib/fields';

/**
 * Bodies of POST /api/v1/packages and PATCH /api/v1/packages/:id (and the
 * admin's package form). Money is minor units plus a currency, as everywhere.
 */

const MAX_SCOPE_IDS = 200;

const idList = (label: string) =>
  z
    .array(uuidField(label), { error: `${label} must be a list of ids.` })
    .max(MAX_SCOPE_IDS, `Give at most ${MAX_SCOPE_IDS} ids.`)
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

/** What the package's credits pay for; copied onto each credit when it is bought. */
export const packageScopeSchema = z
  .strictObject({
    // 'all' classes, the 'selected' ones, or 'none' (then only the session types below).
    classes: z.enum(['all', 'selected', 'none'], { error: 'classes must be "all", "selected" or "none".' }).default('all'),
    // Class ids or series ids (a series id covers every class of the series); only with 'selected'.
    class_ids: idList('Class').default([]),
    // 1:1 session types the credits also pay for.
    session_type_ids: idList('Session type').default([]),
  })
  .superRefine((scope, ctx) => {
    if (scope.classes === 'selected' && scope.class_ids.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['class_ids'], message: 'Choose at least one class for a "selected" scope.' });
    }
    if (scope.classes !== 'selected' && scope.class_ids.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['class_ids'], message: 'List classes only with the "selected" scope.' });
    }
    if (scope.classes === 'none' && scope.session_type_ids.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['session_type_ids'], message: 'A package must pay for some classes or session types.' });
    }
  });
export type PackageScopeInput = z.output<typeof packageScopeSchema>;

const nameField = z
  .string({ error: 'Name must be text.' })
  .trim()
  .min(1, 'Name is required.')
  .max(80, 'Name must be at most 80 characters.');

const descriptionField = z.string({ error: 'Description must be text.' }).trim().max(500, 'Description must be at most 500 characters.');

const classCountField = z
  .number({ error: 'Class count must be a whole number.' })
  .int('Class count must be a whole number.')
  .min(1, 'Class count must be between 1 and 1000.')
  .max(1000, 'Class count must be between 1 and 1000.');

const priceSchema = z
  .strictObject({
    // Minor units (pence, cents): 10000 is £100.00.
    amount: z
      .number({ error: 'Amount must be a whole number of minor units (e.g. 10000 for £100.00).' })
      .int('Amount must be a whole number of minor units (e.g. 10000 for £100.00).')
      .positive('The price must be more than zero.')
      .max(10_000_000, 'The price is too large.'),
    currency: z
      .string({ error: 'Currency must be a three-letter ISO code, like "gbp".' })
      .regex(/^[a-zA-Z]{3}$/, 'Currency must be a three-letter ISO code, like "gbp".')
      .transform((c) => c.toLowerCase()),
  })
  // KES is paid by M-Pesa: whole shillings, at most KES 250,000.
  .superRefine((price, ctx) => {
    const problem = priceProblem(price.amount, price.currency);
    if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
  });

const validityDaysField = z
  .number({ error: 'Validity must be a whole number of days.' })
  .int('Validity must be a whole number of days.')
  .min(1, 'Validity must be between 1 and 3650 days.')
  .max(3650, 'Validity must be between 1 and 3650 days.');

const feeBpsField = z
  .number({ error: 'Fee must be a whole number of basis points.' })
  .int('Fee must be a whole number of basis points.')
  .min(0, 'Fee must be between 0 and 10000 basis points.')
  .max(10_000, 'Fee must be between 0 and 10000 basis points.');

const activeField = z.boolean({ error: 'Active must be true or false.' });

export const createPackageBody = z.strictObject({
  name: nameField,
  description: descriptionField.optional(),
  class_count: classCountField,
  price: priceSchema,
  // Days a bought credit stays usable, counted from the purchase.
  validity_days: validityDaysField,
  // Platform fee in basis points; the platform_fee_bps setting when omitted (filled in by createPackage).
  fee_bps: feeBpsField.optional(),
  // false: listed to admins only and cannot be bought.
  active: activeField.default(true),
  scope: packageScopeSchema.default({ classes: 'all', class_ids: [], session_type_ids: [] }),
});

/** Any subset of the fields, at least one; `{active: false}` retires the package, `{active: true}` restores it. */
export const updatePackageBody = z
  .strictObject({
    name: nameField.optional(),
    description: descriptionField.optional(),
    class_count: classCountField.optional(),
    price: priceSchema.optional(),
    validity_days: validityDaysField.optional(),
    fee_bps: feeBpsField.optional(),
    active: activeField.optional(),
    scope: packageScopeSchema.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { message: 'Change at least one field.' });

export type PackageInput = z.output<typeof createPackageBody>;
export type PackagePatch = z.output<typeof updatePackageBody>;

/** GET /api/v1/packages: admins may see retired packages too. */
export const listPackagesQuery = z.strictObject({
  include_retired: z.enum(['true', 'false'], { error: 'include_retired must be "true" or "false".' }).optional(),
});
