import { z } from 'zod';
import { priceProblem } from '@/lib/money';
import { isValidZone, parseLocalTime } from './windows';

/**
 * Field schemas of the schedule's routes and server actions (ids, instants and
 * query parsing are in lib/http/fields.ts). A time in the past where the
 * future is required (a class start) is a 400 `validation_failed` with a
 * message on that field.
 */

export const currencyField = z
  .string({ error: 'Currency must be a three-letter ISO code.' })
  .regex(/^[a-zA-Z]{3}$/, 'Currency must be a three-letter ISO code, like "gbp".')
  .transform((c) => c.toLowerCase());

/** Integer minor units (pence, cents); never a float. */
export const amountField = z
  .number({ error: 'Amount must be a whole number of minor units (e.g. 2500 for £25.00).' })
  .int('Amount must be a whole number of minor units (e.g. 2500 for £25.00).')
  .min(0, 'Amount cannot be negative.')
  .max(100_000_000, 'Amount is too large.');

export const priceField = z
  .strictObject({
    amount: amountField,
    // Defaults to the platform's default_currency setting when omitted.
    currency: currencyField.optional(),
  })
  .superRefine((price, ctx) => {
    const problem = price.currency ? priceProblem(price.amount, price.currency) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
  });

export const feeBpsField = z
  .number({ error: 'Fee must be a whole number of basis points.' })
  .int('Fee must be a whole number of basis points.')
  .min(0, 'Fee must be between 0 and 10000 basis points.')
  .max(10_000, 'Fee must be between 0 and 10000 basis points.');

export const durationField = z
  .number({ error: 'Duration must be a number of minutes.' })
  .int('Duration must be a whole number of minutes.')
  .min(5, 'Duration must be at least 5 minutes.')
  .max(480, 'Duration must be at most 480 minutes.');

export const localTimeField = z
  .string({ error: 'Time must be text like "09:00".' })
  .refine((v) => parseLocalTime(v) !== null, 'Time must be HH:MM, from 00:00 to 23:59.');

export const localDateField = z
  .string({ error: 'Date must be text like "2027-03-28".' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Date does not exist.');

export const timeZoneField = z
  .string({ error: 'Time zone must be text.' })
  .max(100, 'Time zone is too long.')
  .refine((zone) => isValidZone(zone), 'Time zone must be an IANA zone, like "Europe/London".');

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`);
