import { z } from 'zod';
import { userRole } from '@/db/schema';
import { errorStatus, type ErrorCode } from '@/lib/errors';
import type { Money } from '@/lib/money';
import type { PublicUser } from '@/lib/users';
import { describes } from '../registry';

/** Building blocks of the response schemas; the named ones are components of the document. */

export const id = z.uuid();
/** An instant as the API writes it: ISO 8601 in UTC, like "2027-03-28T09:00:00.000Z". */
export const instant = z.iso.datetime();

export const money = describes<Money>()(
  z
    .object({
      amount: z.int().describe('Integer minor units (pence, cents); never a float.'),
      currency: z.string().describe('Lower-case ISO 4217 code, like "gbp".'),
    })
    .describe('An amount of money.'),
);

const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).describe('Stable, for programs; the HTTP status follows from it.'),
      message: z.string().describe('Safe to show to a person.'),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('Per-field messages for 400 `validation_failed`, keyed by the field path ("price.amount"; "_" for the whole body).'),
    }),
  })
  .describe('Every error answer of /api/v1.');

export const user = describes<PublicUser>()(
  z.object({
    id,
    email: z.string(),
    name: z.string(),
    role: z.enum(userRole.enumValues),
    created_at: instant,
  }),
);

/** The paging fields of every paginated list; spread them into its object. */
export const pageFields = {
  total: z.int().describe('How many match the filters, over all pages.'),
  page: z.int().describe('1-based.'),
  page_size: z.int(),
};

export const commonSchemas = { Error: errorBody, Money: money, User: user };
