import { apiRoute } from '@/lib/http';
import { payments } from '@/lib/flows';
import { refundBody } from '@/lib/payments';

// POST /api/v1/payments/:id/refund {amount?, reason} -> 201 {refund}: admins any payment, providers their own (else 404).
export const POST = apiRoute({ access: ['admin', 'provider'], body: refundBody }, async ({ user, params, body }) =>
  Response.json({ refund: await payments.refund(String(params.id), body, user) }, { status: 201 }),
);
