import { payments } from '@/lib/flows';
import { answerDaraja } from '@/lib/payments';

// POST /api/mpesa/callback/:secret: Daraja's STK Push results (unsigned; the secret in the URL is the proof).
export async function POST(request: Request, route: { params: Promise<{ secret: string }> }): Promise<Response> {
  return answerDaraja(request, (await route.params).secret, payments.handleMpesaCallback);
}
