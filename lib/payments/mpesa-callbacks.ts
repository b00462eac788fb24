import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { PayableRegistry } from '@/lib/payables';
import { applyReversalResult, applyStkResult, type StkOutcome, type StkResult } from './mpesa';

/**
 * What Daraja posts to the callback URLs (unsigned: the URL's secret is the
 * only proof it is Daraja's), parsed strictly enough to act on and no more.
 */

const item = z.object({ Name: z.string(), Value: z.union([z.string(), z.number()]).optional() });
const stkCallbackBody = z.object({
  Body: z.object({
    stkCallback: z.object({
      MerchantRequestID: z.string(),
      CheckoutRequestID: z.string().min(1),
      ResultCode: z.coerce.number().int(),
      ResultDesc: z.string().default(''),
      CallbackMetadata: z.object({ Item: z.array(item) }).optional(),
    }),
  }),
});

const reversalResultBody = z.object({
  Result: z.object({
    ResultType: z.coerce.number().optional(),
    ResultCode: z.union([z.string(), z.number()]),
    ResultDesc: z.string().default(''),
    OriginatorConversationID: z.string().optional(),
    ConversationID: z.string().optional(),
    TransactionID: z.string().optional(),
    ResultParameters: z.object({ ResultParameter: z.array(z.object({ Key: z.string(), Value: z.union([z.string(), z.number()]).optional() })) }).optional(),
  }),
});

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('bad_request', `Not ${what}.`, { fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '(body)', [i.message]])) });
  return parsed.data;
}

/** An STK Push callback, applied once in one transaction; what became of it. */
export async function handleStkCallback(payables: PayableRegistry, body: unknown): Promise<StkOutcome> {
  const cb = parse(stkCallbackBody, body, 'an STK Push callback').Body.stkCallback;
  const value = (name: string) => cb.CallbackMetadata?.Item.find((i) => i.Name === name)?.Value;
  const amount = value('Amount');
  const result: StkResult = {
    checkoutRequestId: cb.CheckoutRequestID,
    resultCode: cb.ResultCode,
    resultDesc: cb.ResultDesc,
    metadata: cb.CallbackMetadata
      ? {
          amount: amount === undefined ? undefined : Number(amount),
          receipt: value('MpesaReceiptNumber') === undefined ? undefined : String(value('MpesaReceiptNumber')),
          phone: value('PhoneNumber') === undefined ? undefined : String(value('PhoneNumber')),
        }
      : undefined,
  };
  const outcome = await getDb().transaction((tx) => applyStkResult(payables, tx, result, 'callback'));
  logger.info('M-Pesa callback', { checkout_request_id: cb.CheckoutRequestID, result_code: cb.ResultCode, outcome });
  return outcome;
}

/** A Transaction Reversal's Result, applied once. */
export async function handleReversalResult(payables: PayableRegistry, body: unknown): Promise<StkOutcome> {
  const r = parse(reversalResultBody, body, 'a reversal Result').Result;
  const original = r.ResultParameters?.ResultParameter.find((p) => p.Key === 'OriginalTransactionID')?.Value;
  const originalReceipt = original === undefined ? r.TransactionID : String(original);
  if (!originalReceipt) throw new AppError('bad_request', 'The Result names no transaction.', { fields: { 'Result.TransactionID': ['is required'] } });
  const outcome = await getDb().transaction((tx) => applyReversalResult(payables, tx, { resultCode: r.ResultCode, resultDesc: r.ResultDesc, originalReceipt }));
  logger.info('M-Pesa reversal result', { conversation_id: r.ConversationID, result_code: String(r.ResultCode), outcome });
  return outcome;
}
