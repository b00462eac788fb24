import { payments } from '@/lib/flows';
import { answerDaraja } from '@/lib/payments';

// POST /api/mpesa/result/:secret: the asynchronous Result of a Transaction Reversal (an M-Pesa refund).
export async function POST(request: Request, route: { params: Promise<{ secret: string }> }): Promise<Response> {
  return answerDaraja(request, (await route.params).secret, payments.handleMpesaReversalResult);
}
