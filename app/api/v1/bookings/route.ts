import { createBookingBody, listBookingsQuery, listBookings } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { bookAndPay } from '@/lib/flows';

// GET /api/v1/bookings -> {bookings, total, page, page_size}: a client's own, a provider's own, or (admin) all.
export const GET = apiRoute({ access: 'user' }, async ({ request, user }) => {
  const q = parseQuery(request, listBookingsQuery);
  return listBookings(user, {
    status: q.status,
    kind: q.kind,
    providerId: q.provider_id,
    clientId: q.client_id,
    from: q.from,
    to: q.to,
    search: q.search,
    order: q.order,
    page: q.page,
    pageSize: q.page_size,
  });
});

// POST /api/v1/bookings {class_id} | {session_type_id, provider_id, starts_at}, pay_with -> 201 {booking, payment}
export const POST = apiRoute({ access: ['client'], body: createBookingBody }, async ({ user, body }) => {
  return Response.json(await bookAndPay(user, body), { status: 201 });
});
