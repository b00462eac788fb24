import { rescheduleBody, rescheduleTarget } from '@/lib/bookings/api-schemas';
import { rescheduleBooking } from '@/lib/bookings/reschedule';
import { apiRoute } from '@/lib/http/api';

// POST /api/v1/bookings/:id/reschedule {class_id} | {starts_at} -> 201 {booking}: the new booking, same payment.
export const POST = apiRoute({ access: ['client', 'admin'], body: rescheduleBody }, async ({ user, params, body }) => {
  return Response.json({ booking: await rescheduleBooking(String(params.id), user, rescheduleTarget(body)) }, { status: 201 });
});
