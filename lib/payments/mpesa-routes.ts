import 'server-only';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { isCallbackSecret } from './mpesa-client';
import type { StkOutcome } from './mpesa';
import { MAX_WEBHOOK_BYTES, readJsonText } from '@/lib/request-body';

const notFound = () => Response.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });

/**
 * Answers a Daraja post to /api/mpesa/<kind>/<secret>: a wrong secret is a
 * plain 404 with no effect; an unknown CheckoutRequestID is 404 too (its
 * prompt may not be stored yet: Daraja's retry finds it); a result that does
 * not match its prompt is 422; handled or repeated, 200 in Daraja's shape.
 */
export async function answerDaraja(request: Request, secret: string, handle: (body: unknown) => Promise<StkOutcome>): Promise<Response> {
  if (!isCallbackSecret(secret)) return notFound();
  let body: unknown;
  try {
    body = await readJsonText(request, MAX_WEBHOOK_BYTES);
  } catch (err) {
    if (isAppError(err)) return Response.json(err.toBody(), { status: err.status });
    throw err;
  }
  try {
    const outcome = await handle(body);
    if (outcome === 'unknown') return Response.json({ error: { code: 'not_found', message: 'No such M-Pesa request.' } }, { status: 404 });
    if (outcome === 'rejected') return Response.json({ error: { code: 'unprocessable', message: 'The result does not match its request.' } }, { status: 422 });
    return Response.json({ ResultCode: 0, ResultDesc: 'Accepted', outcome });
  } catch (err) {
    if (isAppError(err) && err.status < 500) return Response.json(err.toBody(), { status: err.status });
    logger.error('M-Pesa callback failed', { message: (err as Error).message });
    return Response.json({ error: { code: 'internal_error', message: 'Handler failed; retry later.' } }, { status: 500 });
  }
}
