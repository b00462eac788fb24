import { z } from 'zod';
import { packageClassScope, purchaseStatus } from '@/db/schema';
import type { PackageDto, PurchaseView } from '@/lib/packages';
import { describes } from '../registry';
import { id, instant, money } from './common';
import { credit } from './credits';
import { hostedCheckout, startedPayment, mpesaPayment } from './payments';

export const classPackage = describes<PackageDto>()(
  z
    .object({
      id,
      name: z.string(),
      description: z.string(),
      class_count: z.int().describe('Uses a purchase grants.'),
      price: money,
      price_per_class: money.describe('The price over the classes, rounded down.'),
      validity_days: z.int().describe('A credit expires this many days after purchase.'),
      platform_fee_bps: z.int().describe('The platform\'s cut in basis points (1500 = 15%).'),
      active: z.boolean().describe('false once retired: no longer sold; credits already sold stay valid.'),
      scope: z.object({
        classes: z.enum(packageClassScope.enumValues).describe('"all" classes, the "selected" ones, or "none".'),
        class_ids: z.array(z.string()).describe('With "selected": class ids, or series ids covering every class of the series.'),
        session_type_ids: z.array(z.string()).describe('1:1 session types its credits also pay for.'),
      }),
      created_at: instant,
      updated_at: instant,
    })
    .describe('A class package (seed 000\'s ClassPackage): bought by card, it grants a credit of `class_count` uses.'),
);

export const purchaseStart = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('payment_element'), purchase_id: id, ...startedPayment.shape, currency: z.string() }),
    z.object({ mode: z.literal('hosted'), purchase_id: id, ...hostedCheckout.shape, url: z.string(), currency: z.string() }),
    z.object({ mode: z.literal('mpesa'), purchase_id: id, payment: mpesaPayment, amount: money, currency: z.string() }),
  ])
  .describe('The purchase and how to pay for it: a client secret for the Payment Element, a hosted Checkout URL, or (pay_with "mpesa") the STK Push sent to the phone.');

export const purchaseView = describes<PurchaseView>()(
  z.object({
    purchase: z.object({
      id,
      status: z.enum(purchaseStatus.enumValues),
      package: z.object({ id, name: z.string(), class_count: z.int() }),
      price: money,
      payment_id: z.string().nullable(),
      created_at: instant,
    }),
    credit: credit.nullable().describe('The credit granted, once the payment\'s webhook has come.'),
  }),
);

export const packageSchemas = { Package: classPackage, PurchaseStart: purchaseStart, Purchase: purchaseView };
