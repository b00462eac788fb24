import { answerDaraja } from '@/lib/payments';

// POST /api/mpesa/timeout/:secret: Daraja's queue timeout for a reversal. The reversal stays pending;
// an admin sees it on the payment and may ask again once it has failed.
export async function POST(request: Request, route: { params: Promise<{ secret: string }> }): Promise<Response> {
  return answerDaraja(request, (await route.params).secret, async () => 'duplicate');
}
