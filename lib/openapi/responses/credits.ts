import { z } from 'zod';
import { creditEntryKind, creditSource, packageClassScope } from '@/db/schema';
import type { CreditDto, CreditEntryDto } from '@/lib/credits';
import { describes } from '../registry';
import { id, instant, money, pageFields } from './common';

export const credit = describes<CreditDto>()(
  z
    .object({
      id,
      client_id: id,
      package_id: id.nullable(),
      package_name: z.string(),
      source: z.enum(creditSource.enumValues).describe('How it was granted: a purchase, an admin, or an integration.'),
      total_classes: z.int().describe('Uses granted.'),
      remaining_classes: z.int().describe('Uses left; always the sum of its ledger entries.'),
      purchased_at: instant,
      expires_at: instant,
      is_valid: z.boolean().describe('Usable now: uses left, not expired, not revoked.'),
      state: z.enum(['active', 'used_up', 'expired', 'revoked']),
      payment_id: z.string().nullable().describe('The purchase\'s PaymentIntent id.'),
      amount_paid: money,
      per_class_value: money.describe('The amount paid over the uses granted, rounded down.'),
      scope: z.object({
        classes: z.enum(packageClassScope.enumValues).describe('"all" classes, the "selected" ones, or "none".'),
        class_ids: z.array(z.string()).describe('With "selected": class ids, or series ids covering every class of the series.'),
        session_type_ids: z.array(z.string()).describe('1:1 session types it also pays for.'),
      }),
    })
    .describe('A client\'s class credit: uses of a package (seed 000\'s ClientCredit).'),
);

export const creditEntry = describes<CreditEntryDto>()(
  z
    .object({
      id: z.int(),
      credit_id: id,
      kind: z.enum(creditEntryKind.enumValues),
      delta: z.int().describe('Signed change of the remaining uses.'),
      booking_id: id.nullable(),
      reason: z.string(),
      actor: z.discriminatedUnion('type', [
        z.object({ type: z.literal('user'), id, name: z.string() }),
        z.object({ type: z.literal('api_key'), id, name: z.string() }),
        z.object({ type: z.literal('system') }),
      ]),
      created_at: instant,
    })
    .describe('One entry of the credit ledger: a grant, use, return, expiry, adjustment or revocation, with who and why.'),
);

export const clientCredits = z.object({
  client_id: id,
  total_credits: z.int().describe('Uses left over the client\'s valid credits.'),
  credits: z.array(credit),
});

export const clientCreditsWithHistory = clientCredits.extend({
  client: z.object({ id, name: z.string(), email: z.string() }),
  history: z.array(creditEntry),
});

export const creditClientsPage = z.object({
  clients: z.array(
    z.object({
      client: z.object({ id, name: z.string(), email: z.string() }),
      total_credits: z.int(),
      credit_count: z.int(),
      last_activity_at: instant,
    }),
  ),
  ...pageFields,
});

export const creditSchemas = { Credit: credit, CreditEntry: creditEntry };
