import { apiRoute } from '@/lib/http';
import { getPurchaseFor } from '@/lib/packages';

// GET /api/v1/packages/purchases/:id (its client, or an admin) -> {purchase: {id, status, package, price, payment_id,
// created_at}, credit: {...} | null}: the credit appears once the payment's webhook has granted it.
export const GET = apiRoute({ access: 'user' }, async ({ params, user }) => getPurchaseFor(String(params.id), user));
